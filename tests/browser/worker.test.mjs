// Browser tests of the explorer's Web Worker: a long "Find a bug" search runs off the page's
// thread (the page answers while it searches), its progress shows runs per second, and another
// program or a new search stops it (no stale progress or result shows).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, button, region, settle, findBug, SEARCH_TIMEOUT, ACTION_TIMEOUT } from './harness.mjs';

// Five goroutines append to one slice under a mutex: every order of the 25 appends is a
// different state, so neither DPOR nor the stateful search gets through a million runs quickly.
const LONG = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for g := 0; g < 5; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				mu.Lock()
				order = append(order, g)
				mu.Unlock()
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(order))
}
`;

// Two goroutines write one variable: two outcomes, a race.
const RACY = `package main

import "fmt"

func main() {
	x := 0
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	x = 2
	<-done
	fmt.Println(x)
}
`;

/** "Searching… 1 234 runs explored (5 678 runs/s), 1 outcome so far." */
const PROGRESS = /^Searching… ([\d\u202f]+) runs? explored \(([\d\u202f]+) runs\/s\), \d+ outcomes? so far\.$/;

/** Find a bug's workers: one; with `?find-workers=2` in the address (the side-by-side search,
 * for benchmarks), one per processor, at most two. */
const findWorkers = async (page) =>
  new URL(page.url()).searchParams.get('find-workers') === '2'
    ? Math.min(2, Math.max(1, await page.evaluate(() => navigator.hardwareConcurrency)))
    : 1;

const summaryOf = (page) => region(page, 'Outcomes').locator('.outcome-summary');

/** The runs the progress line says were explored, `null` when it shows no progress. */
async function runsExplored(page) {
  const match = (await summaryOf(page).innerText()).match(PROGRESS);
  return match ? Number(match[1].replace(/\u202f/g, '')) : null;
}

/** Wait until the progress line shows more than `runs` runs. */
async function untilMoreRuns(page, runs) {
  const deadline = Date.now() + ACTION_TIMEOUT;
  for (;;) {
    const now = await runsExplored(page);
    assert.notEqual(now, null, 'still searching');
    if (now > runs) return now;
    assert.ok(Date.now() < deadline, `the search stayed at ${now} runs`);
    await settle(page, 50);
  }
}

test('a long Find a bug search leaves the page answering and shows runs per second', async () => {
  const { page, problems } = await openApp(`index.html#example=blank&budget=1000000&code=${encodeURIComponent(LONG)}`);
  await button(page, 'Find a bug').click();
  const summary = summaryOf(page);
  await summary.filter({ hasText: PROGRESS }).waitFor({ timeout: SEARCH_TIMEOUT });
  const [, , rate] = (await summary.innerText()).match(PROGRESS);
  assert.ok(Number(rate.replace(/\u202f/g, '')) > 0, 'a rate');
  // It runs in a Web Worker (spawned after the first render), not on the page's thread (one:
  // two were slower, see `services/explorer.rs`).
  assert.equal(page.workers().length, await findWorkers(page), 'the explorer workers');
  // The page answers a step while the search goes on: the step is drawn, and the search is
  // still running (and still making progress) after it.
  await button(page, 'Step').click();
  await page.waitForFunction(() => document.querySelector('[aria-label="Current step"]')?.textContent === 'step 1');
  const runs = await runsExplored(page);
  assert.notEqual(runs, null, 'the search is still running after the step');
  await untilMoreRuns(page, runs);
  // Typing into the editor goes through too.
  await button(page, 'Edit').click();
  const editor = page.getByLabel('Go source');
  await editor.press('End');
  await editor.pressSequentially('// typed');
  assert.match(await editor.inputValue(), /\/\/ typed$/);
  assert.notEqual(await runsExplored(page), null, 'still searching while typing');
  await button(page, 'Stop searching').click();
  await summary.filter({ hasText: /^Stopped by you after [\d\u202f]+ runs/ }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('another program stops the running search: no stale progress or result shows', async () => {
  const { page, problems } = await openApp(`index.html#example=blank&budget=1000000&code=${encodeURIComponent(LONG)}`);
  await button(page, 'Find a bug').click();
  const summary = summaryOf(page);
  await summary.filter({ hasText: PROGRESS }).waitFor({ timeout: SEARCH_TIMEOUT });
  // Another program: the old search's line goes, and no late report of it brings it back.
  await button(page, 'Edit').click();
  await page.getByLabel('Go source').fill(RACY);
  await button(page, 'Run program').click();
  await summary.waitFor({ state: 'detached' });
  await settle(page, 300);
  assert.equal(await summary.count(), 0, 'no progress of the stopped search');
  // A search of the new program ends with its own outcomes (the worker dropped the old search:
  // it makes one at a time, and the old one would run for minutes).
  const found = await findBug(page);
  assert.match(found, /^Every interleaving covered: \d+ runs? explored, 2 distinct outcomes, some with a data race\.$/);
  await settle(page, 300);
  assert.equal(await summary.innerText(), found, 'the result stays');
  const outcomes = await region(page, 'Outcomes').locator('.outcome').allInnerTexts();
  assert.ok(outcomes.every((o) => !o.includes('25')), `no outcome of the old program: ${outcomes}`);

  // Stop, then a new search of the same program: the worker takes it up.
  await button(page, 'Edit').click();
  await page.getByLabel('Go source').fill(LONG);
  await button(page, 'Run program').click();
  await button(page, 'Find a bug').click();
  await summary.filter({ hasText: PROGRESS }).waitFor({ timeout: SEARCH_TIMEOUT });
  const before = await untilMoreRuns(page, 0);
  await button(page, 'Stop searching').click();
  await button(page, 'Find a bug').click();
  await summary.filter({ hasText: PROGRESS }).waitFor({ timeout: SEARCH_TIMEOUT });
  const restarted = await runsExplored(page);
  assert.notEqual(restarted, null);
  await button(page, 'Stop searching').click();
  await summary.filter({ hasText: /^Stopped by you/ }).waitFor();
  assert.ok(before > 0, `${before} runs before the restart`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the explorer worker warms up after the first render; a search at once replaces the warm-up', async () => {
  // A page left open: the worker loads and searches the strategies' small programs, then says so.
  const { page, problems } = await openApp('index.html#example=mutex&goroutines=2&ops=2');
  await page.locator('[data-testid="app"][data-explorer="warm"]').waitFor({ timeout: SEARCH_TIMEOUT });
  assert.equal(page.workers().length, await findWorkers(page), 'the explorer workers, all warming up');
  // The warm-up left nothing in the page: no outcome shows until the reader searches.
  assert.equal(await summaryOf(page).count(), 0, 'no search result from the warm-up');
  assert.match(await findBug(page), /^Every interleaving covered: \d+ runs? explored, 1 distinct outcome, no data race\.$/);
  assert.deepEqual(problems, []);
  await page.close();

  // A search clicked at the first render: the worker drops its warm-up for it, and the result
  // is the program's own.
  const second = await openApp(`index.html#example=blank&code=${encodeURIComponent(RACY)}`);
  const found = await findBug(second.page);
  assert.match(found, /^Every interleaving covered: \d+ runs? explored, 2 distinct outcomes, some with a data race\.$/);
  await settle(second.page, 300);
  assert.equal(await summaryOf(second.page).innerText(), found, 'the result stays');
  assert.deepEqual(second.problems, []);
  await second.page.close();

  // An embed (one of several on a docs page) spawns no worker before its first search.
  const embed = await openApp('index.html#example=mutex&embed=1');
  await settle(embed.page, 1000);
  assert.equal(embed.page.workers().length, 0, 'no worker in an embed before a search');
  assert.equal(await embed.page.getByTestId('app').getAttribute('data-explorer'), 'cold');
  await embed.page.close();
});

test('Find a bug on two workers (?find-workers=2) gives the one-worker result', async () => {
  // The side-by-side search, relayed between the two workers by the page, where the machine
  // has two processors (else one worker).
  const program = 'example=mutex&goroutines=3&ops=2';
  const one = await openApp(`index.html#${program}`);
  const expected = await findBug(one.page);
  assert.equal(one.page.workers().length, 1, 'one worker by default');
  assert.deepEqual(one.problems, []);
  await one.page.close();
  const two = await openApp(`index.html?find-workers=2#${program}`);
  assert.equal(await findBug(two.page), expected);
  assert.equal(two.page.workers().length, await findWorkers(two.page), 'the explorer workers');
  assert.deepEqual(two.problems, []);
  await two.page.close();
});

test('a number typed during a search keeps every keystroke (renders do not reset it)', async () => {
  // The mutex preset at 8 goroutines × 20 operations: a search far longer than the typing, whose
  // progress re-renders the page every slice.
  const { page, problems } = await openApp('index.html#example=mutex&goroutines=8&ops=20&budget=1000000');
  await button(page, 'Find a bug').click();
  const summary = summaryOf(page);
  await summary.filter({ hasText: PROGRESS }).waitFor({ timeout: SEARCH_TIMEOUT });
  const writes = page.getByRole('spinbutton', { name: 'Writes %' });
  await writes.selectText();
  // Slower than the slices: several progress renders come between two keystrokes.
  await writes.pressSequentially('30', { delay: 250 });
  assert.equal(await writes.inputValue(), '30', 'the typed text stays while the search renders');
  await writes.press('Tab');
  await page.waitForFunction(() => location.hash.includes('writes=30'), null, { timeout: ACTION_TIMEOUT });
  assert.equal(await writes.inputValue(), '30');
  assert.match(await region(page, 'Code').innerText(), /writePercent\s+= 30/);
  assert.deepEqual(problems, []);
  await page.close();
});
