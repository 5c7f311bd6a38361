// Browser tests of the built site (`cargo xtask test` builds it and sets RACEMAP_DIST).
//
// Every assertion is on DOM that only the yew app (the wasm, running the racemap core) produces:
// the static index.html has an empty <body>. Screenshots of each example at a telling step are
// saved to tests/browser/artifacts/ (an artifact of the run, not committed).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LONG_TRACE } from './programs.mjs';
import {
  site,
  urlOf,
  openApp,
  openPage,
  appReady,
  reopen,
  screenshot,
  button,
  region,
  consoleText,
  currentStep,
  untilStep,
  clickToStep,
  quiet,
  step,
  stepUntil,
  settle,
  findBug,
  inView,
  LOAD_TIMEOUT,
} from './harness.mjs';

const PANELS = ['Code', 'Goroutines', 'Map', 'Locks', 'Channels', 'Timeline', 'Console'];

/**
 * Everything the panels and the live region show: what "the view" means to a reader. The DOM is
 * serialized canonically (attributes sorted: their order depends on how yew patched the element,
 * not on what it shows), without the reader's own <details> open state.
 */
async function viewSnapshot(page) {
  await quiet(page);
  return page.evaluate(() => {
    const serialize = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const attributes = [...node.attributes]
        .filter((a) => a.name !== 'open')
        .map((a) => `${a.name}="${a.value}"`)
        .sort()
        .join(' ');
      const children = [...node.childNodes].map(serialize).join('');
      return `<${node.localName} ${attributes}>${children}</${node.localName}>`;
    };
    // The panels and the live region (in <main>); the landing note, which only the page that
    // clicked "Step through" shows, is not part of the view a link reproduces.
    return serialize(document.querySelector('main .panels')) + document.querySelector('[data-testid=announcement]').textContent;
  });
}

/** Assert two view snapshots are equal, showing where they first differ. */
function assertSameView(actual, expected, message) {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  assert.fail(
    `${message}: views differ at ${i}\nexpected: …${expected.slice(Math.max(0, i - 200), i + 200)}\nactual:   …${actual.slice(Math.max(0, i - 200), i + 200)}`,
  );
}

/** The link the Share control gives (opening it if needed); the address bar shows the same. */
async function sharedLink(page) {
  const field = page.getByLabel('Link to this view');
  if (!(await field.isVisible())) await button(page, 'Share').click();
  const link = await field.inputValue();
  // The address bar follows once the state has been still for a moment.
  await page.waitForFunction((link) => location.href === link, link);
  return link;
}

test('the app renders from wasm with its landmarks and labelled controls', async () => {
  const { page, problems } = await openApp('index.html');
  assert.equal(await page.title(), 'racemap');
  await page.getByRole('heading', { level: 1, name: 'racemap' }).waitFor();

  const picker = page.getByRole('combobox', { name: 'Example' });
  assert.equal(await picker.inputValue(), 'unsynchronized');
  const options = await picker.locator('option').allInnerTexts();
  assert.deepEqual(options, [
    'Unsynchronized map',
    'sync.Mutex',
    'sync.RWMutex',
    'sync.Map',
    'Channel-owned map',
    'Sharded map',
    'Your own program',
  ]);
  for (const name of PANELS) {
    assert.equal(await region(page, name).count(), 1, `panel region "${name}"`);
  }
  for (const name of ['Reset', 'Step back', 'Step', 'Play', 'Run to next race or error', 'Find a bug', 'Share', 'Embed', 'Edit']) {
    assert.equal(await button(page, name).count(), 1, `button "${name}"`);
  }
  for (const name of ['Scheduler', 'Speed']) {
    assert.equal(await page.getByRole('combobox', { name }).count(), 1, `select "${name}"`);
  }
  for (const name of ['Goroutines', 'Operations each', 'Writes %', 'Keys']) {
    assert.equal(await page.getByRole('spinbutton', { name }).count(), 1, `number field "${name}"`);
  }
  // Step 0: main is about to run, its cursor is on its first line, nothing can be undone.
  assert.equal(await currentStep(page), 0);
  assert.ok(await button(page, 'Step back').isDisabled());
  assert.match(await page.getByTestId('announcement').innerText(), /^step 0: the main goroutine is ready/);
  const cursor = region(page, 'Code').locator('.line.current');
  assert.equal(await cursor.count(), 1);
  assert.match(await cursor.innerText(), /^g1/);
  assert.match(await page.locator('footer').innerText(), /racemap v\d+\.\d+\.\d+/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('unsynchronized map: stepping through a found schedule shows the race report, then the crash', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized');
  const summary = await findBug(page);
  assert.match(summary, /some with a data race/);
  const crash = page.getByRole('button', { name: /^Step through outcome \d+: data race · fatal error: concurrent map writes$/ });
  assert.ok((await crash.count()) >= 1, 'the explorer finds the concurrent map writes crash');
  await crash.first().click();
  // "Step through" lands on the crash (see story.test.mjs); Reset walks the run from its start.
  await page.getByRole('status').filter({ hasText: /^This run stops at step \d+/ }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Scheduler' }).inputValue(), 'schedule');
  await button(page, 'Reset').click();
  await untilStep(page, 0);

  const announcements = [];
  let sawRace = false;
  for (let i = 0; i < 80 && !(await consoleText(page)).includes('fatal error'); i++) {
    await step(page);
    const said = await page.getByTestId('announcement').innerText();
    announcements.push(said);
    if (!sawRace && /data race on m/.test(said)) {
      sawRace = true;
      // The race report is printed when the race is found, before the crash.
      const text = await consoleText(page);
      assert.match(text, /WARNING: DATA RACE/);
      assert.doesNotMatch(text, /fatal error/);
      assert.ok((await region(page, 'Timeline').locator('g.row.racing').count()) >= 1, 'racing steps drawn');
      assert.ok((await region(page, 'Code').locator('.line.racing').count()) >= 1, 'racing lines marked');
    }
    if (/starts writing m/.test(said) && !(await consoleText(page)).includes('fatal')) {
      // Go's writing flag is shown while the write is in flight.
      await region(page, 'Map').getByText(/writing flag set/).waitFor();
    }
  }
  assert.ok(sawRace, `the live region announced the race: ${announcements.join(' | ')}`);
  const text = await consoleText(page);
  assert.match(text, /WARNING: DATA RACE\n(Read|Write) at 0x[0-9a-f]+ by goroutine \d+:/);
  assert.match(text, /fatal error: concurrent map writes/);
  assert.match(text, /exit status 2/);
  assert.match(await region(page, 'Goroutines').innerText(), /The program has stopped: fatal error: concurrent map writes/);
  assert.ok(await button(page, 'Step').isDisabled(), 'nothing to step after the crash');

  // The timeline joins the racing pair in red and links the race to its report.
  const timeline = region(page, 'Timeline');
  assert.equal(await timeline.locator('line.race-link').count(), 1);
  await timeline.getByRole('button', { name: 'Show the report' }).first().click();
  const report = page.locator('#race-report-0[data-highlight]');
  await report.waitFor();
  assert.match(await report.innerText(), /^==================\nWARNING: DATA RACE/);
  const reportVisible = await report.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
  assert.ok(reportVisible, 'the report is scrolled into view');
  // The last Step click disabled Step; the keys still work (focus stays in the widget).
  const last = await currentStep(page);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((n) => document.querySelector('[aria-label="Current step"]')?.textContent === `step ${n}`, last - 1);
  await screenshot(page, 'unsynchronized');
  assert.deepEqual(problems, []);
  await page.close();
});

test('sync.Mutex: no schedule reports a race, and the lock queue shows who waits', async () => {
  const { page, problems } = await openApp('index.html#example=mutex&seed=1');
  let sawWaiter = false;
  while (!(await button(page, 'Step').isDisabled())) {
    await step(page);
    const locks = await region(page, 'Locks').innerText();
    if (!sawWaiter && /sync\.Mutex[\s\S]*waiting \(in order\)\s*g\d+/.test(locks)) {
      sawWaiter = true;
      assert.match(locks, /holder\s*g\d+/);
      await screenshot(page, 'mutex');
    }
    assert.doesNotMatch(await consoleText(page), /DATA RACE/);
  }
  assert.ok(sawWaiter, 'some goroutine waited for the mutex under seed 1');
  const timeline = region(page, 'Timeline');
  assert.ok((await timeline.locator('line.hb.unlock-lock').count()) >= 1, 'unlock → lock arrows drawn');
  assert.match(await timeline.locator('.legend').innerText(), /unlock → lock/);
  assert.match(await consoleText(page), /keys: 2\s+exit status 0/);

  const summary = await findBug(page);
  assert.match(summary, /^Every interleaving covered: \d+ runs? explored, 1 distinct outcome, no data race\.$/);
  assert.equal(await region(page, 'Outcomes').locator('.outcome.bad').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('channel owner: a request is followed from its sender through the channel to the owner', async () => {
  const { page, problems } = await openApp('index.html#example=channel');
  const channels = region(page, 'Channels');
  // Step until a worker waits to send on cmds with its request in flight.
  let sender;
  for (let i = 0; i < 40 && !sender; i++) {
    await step(page);
    const waiting = channels.locator('section[aria-label="channel cmds"] .in-flight');
    if ((await waiting.count()) > 0) sender = (await waiting.first().locator('.gbadge').innerText()).trim();
  }
  assert.ok(sender, 'a worker parks at its send with the message in flight');
  await screenshot(page, 'channel-in-flight');
  // Run the sender (you are the scheduler) until the owner receives: the transfer is drawn.
  const goId = sender.slice(1);
  const lane = region(page, 'Goroutines').locator(`li.lane[data-go-id="${goId}"]`);
  let transfer;
  for (let i = 0; i < 10 && !transfer; i++) {
    const moves = lane.locator('button.move');
    if ((await moves.count()) === 0) {
      // The owner must first reach its receive: let the lowest goroutine move.
      await step(page);
    } else {
      await moves.first().click();
    }
    const drawn = channels.locator('section[aria-label="channel cmds"] .transfer');
    if ((await drawn.count()) > 0) transfer = await drawn.first().innerText();
  }
  assert.ok(transfer, 'the step that moved the message drew it');
  assert.match(transfer, new RegExp(`^${sender}`), 'the message leaves the sender');
  assert.match(transfer, /handed over directly/);
  assert.ok((await region(page, 'Timeline').locator('line.hb.send-receive').count()) >= 1, 'send → receive arrow drawn');
  assert.match(await page.getByTestId('announcement').innerText(), new RegExp(`goroutine ${goId} sends .* on cmds to goroutine \\d+`));
  await screenshot(page, 'channel-owner');
  assert.deepEqual(problems, []);
  await page.close();
});

test('sync.RWMutex, sync.Map and sharded examples show their internals', async () => {
  const { page, problems } = await openApp('index.html#example=rwmutex&writes=0&goroutines=3&ops=10&seed=1');
  let sawReaders = false;
  for (let i = 0; i < 80 && !sawReaders; i++) {
    await step(page);
    sawReaders = /readers\s*2/.test(await region(page, 'Locks').innerText());
  }
  assert.ok(sawReaders, 'two readers hold the RWMutex together');
  await screenshot(page, 'rwmutex');

  // The writer-preference trap: a reader holds the lock, a writer waits for it and announces
  // itself, and a new reader now waits behind the writer although only readers hold the lock.
  await reopen(page, 'index.html#example=rwmutex&goroutines=3&writes=10&ops=20&seed=20');
  const trap = await stepUntil(page, async () => {
    const locks = await region(page, 'Locks').innerText();
    const pending = locks.match(/writer pending\s*g(\d+) waits for the readers to leave; new readers wait too/);
    const waiting = locks.match(/waiting \(in order\)\s*((?:g\d+\s*)+)/);
    const others = waiting?.[1].split(/\s+/).filter((g) => g && g !== `g${pending?.[1]}`) ?? [];
    return /readers\s*1/.test(locks) && pending && others.length > 0 ? others[0].slice(1) : undefined;
  });
  assert.ok(trap, 'under seed 20 a reader waits behind a pending writer');
  const lane = region(page, 'Goroutines').locator(`li.lane[data-go-id="${trap}"]`);
  assert.match(await lane.innerText(), /blocked: waits for c\.mu \(sync\.RWMutex\.RLock\)/);
  await screenshot(page, 'rwmutex-writer-pending');

  // sync.Map: step until a Load misses the read map and goes to the dirty map under mu.
  await reopen(page, 'index.html#example=syncmap&goroutines=3&seed=2');
  const sawDirty = await stepUntil(page, async () => {
    const map = await region(page, 'Map').innerText();
    return /dirty \(under mu\)/.test(map) && /amended\s*true/.test(map);
  });
  assert.ok(sawDirty, 'a store went to the dirty map and set amended');
  const sawMiss = await stepUntil(page, async () => /misses\s*[1-9]/.test(await region(page, 'Map').innerText()));
  assert.ok(sawMiss, 'a Load missed the read map and counted a miss');
  const map = await region(page, 'Map').innerText();
  assert.match(map, /sync\.Map/);
  assert.match(map, /read \(lock-free\)/);
  assert.match(map, /misses\s*\d+/);
  assert.match(map, /promotions\s*\d+/);
  await screenshot(page, 'sync-map');
  await button(page, 'Run to next race or error').click();
  assert.doesNotMatch(await consoleText(page), /DATA RACE/);
  assert.match(await consoleText(page), /exit status 0/);

  await page.getByRole('combobox', { name: 'Example' }).selectOption('sharded');
  await button(page, 'Run to next race or error').click();
  assert.ok((await region(page, 'Map').locator('section.map').count()) >= 2, 'one map per shard');
  assert.match(await consoleText(page), /exit status 0/);
  await screenshot(page, 'sharded');
  assert.deepEqual(problems, []);
  await page.close();
});

test('step back restores the previous view exactly, also from the keyboard', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized&seed=9');
  const views = [await viewSnapshot(page)];
  for (let i = 0; i < 12; i++) {
    await step(page);
    views.push(await viewSnapshot(page));
  }
  for (let i = 11; i >= 6; i--) {
    await button(page, 'Step back').click();
    await untilStep(page, i);
    assertSameView(await viewSnapshot(page), views[i], `view at step ${i}`);
  }
  // Keys act while the widget has focus: ← back, → forward (redoing the same move).
  await page.getByTestId('app').focus();
  await page.keyboard.press('ArrowLeft');
  await untilStep(page, 5);
  assertSameView(await viewSnapshot(page), views[5], 'view');
  await page.keyboard.press('ArrowRight');
  await untilStep(page, 6);
  await page.keyboard.press('ArrowRight');
  await untilStep(page, 7);
  assertSameView(await viewSnapshot(page), views[7], 'view');
  await page.keyboard.press('r');
  await untilStep(page, 0);
  assertSameView(await viewSnapshot(page), views[0], 'view');
  // Space plays, Space pauses.
  await page.keyboard.press(' ');
  await button(page, 'Pause').waitFor();
  await page.keyboard.press(' ');
  await button(page, 'Play').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('Play steps on its own at the chosen speed until the run ends; Pause stops it', async () => {
  const { page, problems } = await openApp('index.html#example=sharded&seed=5');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Fast' });
  await button(page, 'Play').click();
  await page.waitForFunction(() => Number(document.querySelector('[aria-label="Current step"]').textContent.slice(5)) >= 3);
  await button(page, 'Pause').click();
  await button(page, 'Play').waitFor();
  const paused = await currentStep(page);
  // A page timer due after four Fast intervals: had Play kept its interval, it would have ticked.
  await settle(page, 4 * 150);
  assert.equal(await currentStep(page), paused, 'no step while paused');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Fastest' });
  await button(page, 'Play').click();
  await region(page, 'Console').getByText('exit status 0').waitFor();
  // At the end, playing stops by itself and Play is offered again (disabled: nothing to play).
  await button(page, 'Play').waitFor();
  assert.ok(await button(page, 'Play').isDisabled());
  assert.match(await page.getByTestId('announcement').innerText(), /the program exits with status 0/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('keys do nothing while focus is outside the widget', async () => {
  const { page, problems } = await openPage('embed-example.html');
  const frame = page.frameLocator('iframe#unsynchronized');
  await frame.locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
  const counter = frame.getByLabel('Current step');
  await frame.getByRole('button', { name: 'Step', exact: true }).click();
  await counter.filter({ hasText: /^step 1$/ }).waitFor();
  await page.keyboard.press('ArrowRight');
  // Keys act after a click in the widget.
  await counter.filter({ hasText: /^step 2$/ }).waitFor();
  // Focus on the host page: its keys are its own.
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('r');
  await page.keyboard.press('ArrowLeft');
  await settle(page, 100);
  assert.equal(await counter.innerText(), 'step 2');
  // Typing in a field of the widget never steps.
  await frame.getByRole('combobox', { name: 'Scheduler' }).focus();
  await page.keyboard.press('r');
  await page.keyboard.press('ArrowRight');
  await settle(page, 100);
  assert.equal(await counter.innerText(), 'step 2');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a shared URL reopens the same program, moves and step', async () => {
  const { page, problems } = await openApp('index.html#example=mutex&goroutines=3');
  // The user is the scheduler: always run the highest-numbered goroutine that can move.
  for (let i = 1; i <= 14; i++) {
    await clickToStep(page, region(page, 'Goroutines').locator('button.move').last(), i);
  }
  await clickToStep(page, button(page, 'Step back'), 13);
  await clickToStep(page, button(page, 'Step back'), 12);
  const link = await sharedLink(page);
  assert.match(link, /example=mutex&goroutines=3&.*moves=[^&]+&step=12/);
  const expected = await viewSnapshot(page);

  const other = await openApp(link.replace(site.server.url, ''));
  await untilStep(other.page, 12);
  assertSameView(await viewSnapshot(other.page), expected, 'view');
  // The recorded moves after the step come along: stepping forward redoes them.
  await clickToStep(other.page, button(other.page, 'Step'), 13);
  await clickToStep(page, button(page, 'Step'), 13);
  assertSameView(await viewSnapshot(other.page), await viewSnapshot(page), 'view');
  assert.deepEqual(other.problems, []);
  await other.page.close();

  // An edited program travels in the link too, and the reopened timeline is scrolled to the
  // step (near its end: where the browser stops the scroll, not where the page asked).
  await button(page, 'Edit').click();
  const editor = page.getByLabel('Go source');
  const source = (await editor.inputValue()).replace('fmt.Println("keys:", c.Len())', 'fmt.Println("shared keys:", c.Len())');
  await editor.fill(source);
  await button(page, 'Run program').click();
  await untilStep(page, 0);
  await button(page, 'Run to next race or error').click();
  await region(page, 'Console').getByText('shared keys: 2').waitFor();
  const end = await currentStep(page);
  await untilStep(page, end);
  const edited = await openApp((await sharedLink(page)).replace(site.server.url, ''));
  await untilStep(edited.page, end);
  assert.equal(await edited.page.getByRole('combobox', { name: 'Example' }).inputValue(), 'blank');
  assert.match(await consoleText(edited.page), /shared keys: 2/);
  assertSameView(await viewSnapshot(edited.page), await viewSnapshot(page), 'view');
  const current = region(edited.page, 'Timeline').locator('g.row.current');
  assert.ok(await inView(current, { window: false }), 'the current step is in sight in the timeline');
  assert.deepEqual(edited.problems, []);
  await edited.page.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('compile errors are shown on their line, Go-style', async () => {
  const source = 'package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n';
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(source)}`);
  const code = region(page, 'Code');
  await code.getByText(/does not compile/).waitFor();
  const line5 = code.locator('li.line[data-line="5"]');
  assert.match(await line5.locator('.diag').innerText(), /^prog\.go:5:2: undefined: y$/);
  const line4 = code.locator('li.line[data-line="4"]');
  assert.match(await line4.locator('.diag').innerText(), /^prog\.go:4:2: x declared but not used$/);
  assert.ok(await button(page, 'Step').isDisabled());
  // Beside the code (not a blank page): what Go racemap understands, open.
  const help = region(page, 'It does not compile');
  const codeBox = await code.boundingBox();
  const helpBox = await help.boundingBox();
  assert.ok(helpBox.x >= codeBox.x + codeBox.width - 1 && helpBox.y < codeBox.y + codeBox.height, 'beside the code');
  const understood = help.locator('details.supported-go');
  assert.ok(await understood.evaluate((details) => details.open), 'open beside the errors');
  assert.match(await understood.innerText(), /What Go racemap understands[\s\S]*channels[\s\S]*sync\s+[\s\S]*Mutex\.Lock[\s\S]*Not yet: /);
  // Fixing it runs it.
  await button(page, 'Edit').click();
  await page.getByLabel('Go source').fill('package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("fixed")\n}\n');
  await button(page, 'Run program').click();
  await button(page, 'Run to next race or error').click();
  await region(page, 'Console').getByText('fixed').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a program that never ends stops at a racemap limit with a clear message', async () => {
  const spin = 'package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n';
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(spin)}`);
  // main spins before its first visible operation: the run ends at step 0.
  await region(page, 'Console').getByText('exit status 3').waitFor();
  assert.ok(await button(page, 'Run to next race or error').isDisabled());
  assert.match(await consoleText(page), /racemap: a goroutine ran \d+ instructions without a visible operation/);
  assert.match(await consoleText(page), /exit status 3/);

  const counter = 'package main\n\nvar n int\n\nfunc main() {\n\tfor {\n\t\tn++\n\t}\n}\n';
  await button(page, 'Edit').click();
  await page.getByLabel('Go source').fill(counter);
  await button(page, 'Run program').click();
  await button(page, 'Run to next race or error').click();
  await region(page, 'Console').getByText(/racemap: step limit of 20000 reached/).waitFor();
  assert.equal(await currentStep(page), 20000);
  assert.ok(await button(page, 'Step').isDisabled());
  assert.deepEqual(problems, []);
  await page.close();
});

test('the workload regenerates the example program', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized');
  await page.getByRole('spinbutton', { name: 'Goroutines' }).fill('4');
  await page.getByRole('spinbutton', { name: 'Goroutines' }).dispatchEvent('change');
  await page.waitForFunction(() => location.hash.includes('goroutines=4'));
  assert.match(await region(page, 'Code').innerText(), /workers\s+= 4/);
  await page.getByRole('spinbutton', { name: 'Writes %' }).fill('0');
  await page.getByRole('spinbutton', { name: 'Writes %' }).dispatchEvent('change');
  // Only reads: no schedule races.
  assert.match(await findBug(page), /no data race/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a 2 000-step trace steps, goes back and draws only the rows in sight', async () => {
  const { page, problems } = await openApp(`index.html#example=blank&seed=1&code=${encodeURIComponent(LONG_TRACE)}`);
  await button(page, 'Run to next race or error').click();
  await region(page, 'Console').getByText('exit status 0').waitFor();
  const last = await currentStep(page);
  assert.ok(last > 2000, `the run made ${last} steps`);
  const rows = region(page, 'Timeline').locator('g.row');
  assert.ok((await rows.count()) < 200, `${await rows.count()} timeline rows in the DOM`);
  await button(page, 'Step back').click();
  await untilStep(page, last - 1);
  await region(page, 'Timeline').locator('g.row.current').waitFor();
  // Scrolling to the top draws the first rows.
  await region(page, 'Timeline').locator('.timeline-scroll').evaluate((e) => { e.scrollTop = 0; });
  await region(page, 'Timeline').locator('g.row[data-step="1"]').waitFor();
  await region(page, 'Timeline').locator('g.row[data-step="1"]').click();
  await untilStep(page, 1);
  // Keyboard users jump with the "Go to step" field: forward redoes the recorded moves.
  await page.getByRole('spinbutton', { name: 'Go to step' }).fill('1500');
  await page.getByRole('spinbutton', { name: 'Go to step' }).press('Enter');
  await untilStep(page, 1500);
  await region(page, 'Timeline').locator('g.row.current[data-step="1500"]').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page is usable 375px wide and follows dark mode', async () => {
  const { page, problems } = await openApp('index.html#example=rwmutex');
  await page.setViewportSize({ width: 375, height: 800 });
  await step(page, 5);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 375, `page is ${scrollWidth}px wide at 375px`);
  const code = await region(page, 'Code').boundingBox();
  const goroutines = await region(page, 'Goroutines').boundingBox();
  assert.ok(goroutines.y >= code.y + code.height, 'Goroutines panel is below Code');
  assert.ok(await button(page, 'Step').isVisible());
  await screenshot(page, 'narrow-375');

  const luminance = () =>
    page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok((await luminance()) > 0.8, 'light background');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok((await luminance()) < 0.2, 'dark background');
  await screenshot(page, 'narrow-375-dark');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the embedding example renders two different examples in compact iframes', async () => {
  const { page, problems } = await openPage('embed-example.html');
  for (const [id, example] of [
    ['unsynchronized', 'unsynchronized'],
    ['channel', 'channel'],
  ]) {
    const frame = page.frameLocator(`iframe#${id}`);
    const app = frame.getByTestId('app');
    await frame.locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
    assert.match(await app.getAttribute('class'), /\bembed\b/, `iframe ${id} uses the compact layout`);
    assert.equal(await frame.getByRole('combobox', { name: 'Example' }).inputValue(), example);
    for (const name of ['Code', 'Goroutines', 'Map']) {
      assert.equal(await frame.getByRole('region', { name, exact: true }).count(), 1, `${id}: ${name}`);
    }
    assert.equal(await frame.getByRole('region', { name: 'Timeline', exact: true }).count(), 0);
    await frame.getByRole('button', { name: 'Step', exact: true }).click();
    assert.equal(await frame.getByLabel('Current step').innerText(), 'step 1');
  }
  // The Embed control hands out a snippet that loads this compact layout.
  const frame = page.frameLocator('iframe#unsynchronized');
  await frame.getByRole('button', { name: 'Embed', exact: true }).click();
  const snippet = await frame.getByLabel('Embed code').inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/index\.html#example=unsynchronized&.*embed=1" title="racemap: Unsynchronized map"/);
  await screenshot(page, 'embed-example');
  assert.deepEqual(problems, []);
  await page.close();
});

test('long code lines and long compile errors wrap: nothing cut off at 1280 and 375 px', async () => {
  const long = 'package main\n\nimport "net/http/httptest/something/very/long/indeed/that/goes/on"\n\nfunc main() {\n\tresult := "a string literal that is much longer than any code panel is wide, on purpose, so that it must wrap" + "another long part"\n\t_ = result\n}\n';
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(long)}`);
  const code = region(page, 'Code');
  await code.getByText(/does not compile/).waitFor();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page);
    const clipped = await code.locator('.code').evaluate((list) => {
      const out = [];
      if (list.scrollWidth > list.clientWidth + 1) out.push(`the code list scrolls sideways (${list.scrollWidth} > ${list.clientWidth})`);
      const box = list.getBoundingClientRect();
      for (const el of list.querySelectorAll('.text, .diag')) {
        const r = el.getBoundingClientRect();
        if (el.scrollWidth > el.clientWidth + 1 || r.right > box.right + 1) out.push(`${el.className}: ${el.textContent.slice(0, 40)}`);
      }
      return out;
    });
    assert.deepEqual(clipped, [], `${width}px: clipped`);
    const error = await code.locator('.diag').first().innerText();
    assert.match(error.replace(/\s+/g, ' '), /racemap does not support package "net\/http\/httptest\/something\/very\/long\/indeed\/that\/goes\/on"/);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
