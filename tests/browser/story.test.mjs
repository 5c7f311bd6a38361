// Browser tests of a newcomer's path through the page: their own program is never lost, and
// "Find a bug" leads in one click to the crash it found, told plainly.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  openApp,
  button,
  region,
  consoleText,
  currentStep,
  untilStep,
  step,
  quiet,
  findBug,
  inView,
  screenshot,
  reopen,
} from './harness.mjs';

const MINE = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("my own program")\n}\n';

const picker = (page) => page.getByRole('combobox', { name: 'Example' });

/** Wait until the address bar's hash satisfies `predicate` (given the decoded hash). */
function untilHash(page, predicate) {
  return page.waitForFunction(`(${predicate})(decodeURIComponent(location.hash))`);
}

/** The code panel shows `text` somewhere in its lines. */
const codeShows = (page, text) => region(page, 'Code').getByText(text, { exact: false }).first().waitFor();

test("the user's own program survives another example, a workload change and Back", async () => {
  const { page, problems } = await openApp('index.html#example=mutex&goroutines=3');
  await button(page, 'Edit').click();
  await page.getByLabel('Go source').fill(MINE);
  await button(page, 'Run program').click();
  // The picker says whose program runs; the workload (which generates examples) is gone.
  await codeShows(page, 'my own program');
  assert.equal(await picker(page).inputValue(), 'blank');
  assert.equal(await picker(page).locator('option:checked').innerText(), 'Your own program');
  assert.equal(await page.getByRole('spinbutton', { name: 'Goroutines' }).count(), 0);
  await step(page, 2);
  await untilHash(page, (h) => h.includes('example=blank') && h.includes('my own program') && h.includes('step=2'));
  const historyBefore = await page.evaluate(() => history.length);

  // Another example, then another workload: each is a new program, each a history entry.
  await picker(page).selectOption('sharded');
  await codeShows(page, 'shards');
  await untilHash(page, (h) => h.includes('example=sharded&goroutines=3'));
  const goroutines = page.getByRole('spinbutton', { name: 'Goroutines' });
  await goroutines.fill('4');
  await goroutines.dispatchEvent('change');
  await untilHash(page, (h) => h.includes('example=sharded&goroutines=4'));
  // Steps replace the entry instead of adding one.
  await step(page, 3);
  await untilHash(page, (h) => h.includes('step=3'));
  assert.equal(await page.evaluate(() => history.length), historyBefore + 2);

  // Back: the first workload; Back again: the user's program, at the step they left it.
  await page.goBack();
  await untilHash(page, (h) => h.includes('example=sharded&goroutines=3'));
  await region(page, 'Code').getByText(/workers\s+= 3/).waitFor();
  await page.goBack();
  await untilHash(page, (h) => h.includes('example=blank'));
  await codeShows(page, 'my own program');
  await untilStep(page, 2);
  assert.equal(await picker(page).inputValue(), 'blank');
  // Forward goes to the example again, and picking "Your own program" brings the code back.
  await page.goForward();
  await untilHash(page, (h) => h.includes('example=sharded&goroutines=3'));
  await picker(page).selectOption('blank');
  await codeShows(page, 'my own program');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Find a bug: outcomes right under the button, one click lands on the crash, told plainly', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized');
  const summary = await findBug(page);
  assert.match(summary, /^Every interleaving covered: \d+ runs? explored, \d+ distinct outcomes, some with a data race\.$/);
  // The outcomes appear right below the button, in the first screen.
  const found = region(page, 'Outcomes');
  const buttonBox = await button(page, 'Find a bug').boundingBox();
  const outcomesBox = await found.boundingBox();
  assert.ok(outcomesBox.y > buttonBox.y && outcomesBox.y - (buttonBox.y + buttonBox.height) < 150, 'outcomes just below the button');
  assert.ok(await inView(found.locator('.outcome-summary')), 'the summary is in view');
  const crash = found.getByRole('button', { name: /^Step through outcome \d+: data race · fatal error: concurrent map writes$/ });
  assert.ok(await inView(crash.first()), 'the crash outcome is in view');

  await crash.first().click();
  // One plain sentence says where it landed and how to go on.
  const note = page.getByRole('status').filter({ hasText: /^This run stops at step \d+: fatal error: concurrent map writes\./ });
  await note.waitFor();
  await quiet(page);
  const said = await note.innerText();
  // …and why it crashed.
  assert.match(said, /\. Goroutine \d+ touched m \(line \d+\) while goroutine \d+'s write of m\[k\d\] was still in flight\./);
  assert.ok(await inView(note), 'the note is in view');
  const crashStep = Number(said.match(/step (\d+)/)[1]);
  assert.equal(await currentStep(page), crashStep);
  assert.ok(await button(page, 'Step').isDisabled(), 'the run has ended');
  // The fatal error is in view inside the console, with the race report before it.
  const fatal = region(page, 'Console').locator('.stop-error');
  assert.equal(await fatal.innerText(), 'fatal error: concurrent map writes');
  assert.ok(await inView(fatal), 'the fatal error line is in view');
  // The end of the race report shows right above it.
  const reportEnd = await region(page, 'Console').locator('.race-report').evaluate((report) => {
    const r = report.getBoundingClientRect();
    const box = report.closest('pre').getBoundingClientRect();
    return r.bottom > Math.max(0, box.top) + 40 && r.bottom <= Math.min(innerHeight, box.bottom);
  });
  assert.ok(reportEnd, 'the end of the race report is in view');
  assert.match(await consoleText(page), /WARNING: DATA RACE[\s\S]*fatal error: concurrent map writes/);
  // The code marks the crash line and the racing lines, in sight.
  const code = region(page, 'Code');
  const crashed = code.locator('.line.crashed');
  assert.equal(await crashed.count(), 1);
  assert.match(await crashed.locator('.crash-mark').textContent(), /^\s*✖\s*crash\s*$/);
  assert.ok(await inView(crashed.locator('.crash-mark')), 'the crash mark is in view');
  const racing = code.locator('.line.racing');
  assert.ok((await racing.count()) >= 1);
  for (const line of await racing.all()) {
    const mark = line.locator('.race-mark, .crash-mark');
    const codeBox = await code.locator('ol.code').boundingBox();
    const markBox = await mark.boundingBox();
    assert.ok(markBox.x >= codeBox.x && markBox.x + markBox.width <= codeBox.x + codeBox.width, 'race mark inside the code panel');
  }
  // Nobody will touch the map again: no "will …" after the program stopped.
  assert.doesNotMatch(await region(page, 'Map').innerText(), /\bwill\b/);
  await screenshot(page, 'find-a-bug-landed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a search that hits its budget says so plainly and can search further', async () => {
  const { page, problems } = await openApp('index.html#example=mutex&goroutines=3&ops=3&budget=20');
  const summary = await findBug(page);
  assert.match(summary, /^Limit reached: the search stopped at its budget after 20 runs, before covering every interleaving\. \d+ distinct outcomes? so far, no data race in these runs, but an interleaving not tried yet may still race\./);
  const outcomes = region(page, 'Outcomes');
  assert.doesNotMatch(await outcomes.locator('.outcome-summary').innerText(), /✓/, 'no green tick for an incomplete search');
  await outcomes.getByRole('button', { name: /^Search further \(up to 200 runs\)$/ }).click();
  await outcomes
    .locator('.outcome-summary')
    .filter({ hasText: /^Limit reached: the search stopped at its budget after 200 runs/ })
    .waitFor();
  assert.equal(await outcomes.getByRole('button', { name: /^Search further \(up to 2\D?000 runs\)$/ }).count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('counts read right: 1 run, 1 outcome', async () => {
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(MINE)}`);
  assert.equal(
    await findBug(page),
    'Every interleaving covered: 1 run explored, 1 distinct outcome, no data race.',
  );
  assert.match(await region(page, 'Outcomes').locator('.outcome').innerText(), /^✓ exits normally — 1 run(?!s)/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Go picker: before Go 1.22 the goroutines share the loop variable, and Find a bug shows the race', async () => {
  const LOOP = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tdone := make(chan int, 2)\n\tfor i := 0; i < 2; i++ {\n\t\tgo func() { done <- i }()\n\t}\n\tfmt.Println(<-done + <-done)\n}\n';
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(LOOP)}`);
  const go = page.getByRole('combobox', { name: 'Go' });
  assert.equal(await go.inputValue(), 'go1.22');
  assert.match(await findBug(page), /^Every interleaving covered: .*, no data race\.$/);

  await go.selectOption('go1.21');
  await untilHash(page, (h) => h.includes('lang=go1.21'));
  // The user's program stays, and the old search (of the other semantics) is gone.
  await codeShows(page, 'done <- i');
  assert.equal(await region(page, 'Outcomes').count(), 0);
  assert.match(await findBug(page), /^Every interleaving covered: .*, some with a data race\.$/);

  // A link reopens the same version.
  const link = await page.evaluate(() => location.hash);
  await reopen(page, `index.html${link}`);
  assert.equal(await page.getByRole('combobox', { name: 'Go' }).inputValue(), 'go1.21');
  assert.deepEqual(problems, []);
  await page.close();
});
