// Browser tests of plain words: objects by their source names, messages with field names,
// prose without Markdown marks, goroutine numbers explained, long steps readable in full, and
// goroutine cursors that are out of the code's sight reachable in one click.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, region, step, stepUntil, untilStep, inView, quiet } from './harness.mjs';

/** Runtime ids and addresses the page must never show. */
const JARGON = /map#\d|chan#\d|@\d+(\.\d+)*\b|0xc0|unnamed variable/;

/** The text of every panel that names objects. */
async function panelsText(page) {
  const names = ['Goroutines', 'Map', 'Locks', 'Channels', 'Timeline'];
  const texts = await Promise.all(names.map((n) => region(page, n).innerText()));
  return texts.join('\n');
}

test('every object has its source name at step 0, before any step used it', async () => {
  for (const example of ['unsynchronized', 'mutex', 'rwmutex', 'syncmap', 'channel', 'sharded']) {
    const { page, problems } = await openApp(`index.html#example=${example}&goroutines=3`);
    await quiet(page);
    const text = await panelsText(page);
    assert.doesNotMatch(text, /unnamed/, `${example} at step 0`);
    assert.doesNotMatch(text, JARGON, `${example} at step 0`);
    assert.deepEqual(problems, [], example);
    await page.close();
  }
});

test('a sharded map names each shard by its path, never by a runtime id', async () => {
  const { page, problems } = await openApp('index.html#example=sharded&goroutines=3&seed=1&step=60');
  await untilStep(page, 60);
  const locks = await region(page, 'Locks').locator('.lock h3').allInnerTexts();
  assert.deepEqual(locks.sort(), ['s.shards[0].mu · sync.Mutex', 's.shards[1].mu · sync.Mutex']);
  const maps = await region(page, 'Map').locator('.map h3').allInnerTexts();
  assert.ok(maps.some((m) => m.includes('s.shards[0].data')), maps.join(' | '));
  const text = await panelsText(page);
  assert.doesNotMatch(text, JARGON);
  assert.deepEqual(problems, []);
});

test('a request on a channel shows its fields by name and its reply channel by name', async () => {
  const { page, problems } = await openApp('index.html#example=channel&goroutines=2&seed=3&step=34');
  await untilStep(page, 34);
  const timeline = await region(page, 'Timeline').innerText();
  // Go's %+v: `{key:k0 value:0 write:false response:resp (2)}`, not `{k0 0 false 0xc000080060}`.
  assert.match(timeline, /\{key:k\d value:\d write:(true|false) response:resp( \(\d\))?\}/);
  assert.doesNotMatch(await panelsText(page), JARGON);
  assert.deepEqual(problems, []);
});

test('a request reads the same while in flight and when it is delivered', async () => {
  const { page, problems } = await openApp('index.html#example=channel&goroutines=2&seed=1');
  const cmds = region(page, 'Channels').getByRole('region', { name: 'channel cmds' });
  const waiting = cmds.locator('.in-flight');
  // Step until the first worker waits to send its request (with seed 1, before the second
  // worker has made its own reply channel `resp`).
  const found = await stepUntil(page, async () => (await waiting.count()) > 0);
  assert.ok(found, 'a request waits on cmds');
  const sender = await waiting.first().locator('.gbadge').innerText();
  const sent = await waiting.first().locator('code').innerText();
  assert.match(sent, /^\{key:k\d value:\d write:(true|false) response:resp( \(\d\))?\}$/);
  // Step until that worker's request has been taken: the step that took it shows it moving.
  const gone = async () => !(await waiting.filter({ has: page.locator('.gbadge', { hasText: sender }) }).count());
  assert.ok(await stepUntil(page, gone), `${sender}'s request is delivered`);
  const moved = cmds.locator('.transfer');
  assert.equal(await moved.locator('.gbadge').first().innerText(), sender);
  assert.equal(await moved.locator('.message').innerText(), sent);
  // Meanwhile the second worker made its `resp` too: the first one's kept its name.
  assert.match(await panelsText(page), /resp \(2\)/);
  assert.deepEqual(problems, []);
});

test('the map panel and the timeline say why a map write is two steps', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized');
  const why = region(page, 'Map').locator('.flag-why');
  assert.equal(await why.count(), 1);
  const text = await why.innerText();
  assert.match(text, /two steps, starts writing and finishes writing/);
  assert.match(text, /hashWriting/);
  assert.match(text, /fatal error: concurrent map writes/);
  await step(page);
  await quiet(page);
  const legend = await region(page, 'Timeline').locator('.legend .two-steps').innerText();
  assert.match(legend, /A map write is two steps/);
  assert.deepEqual(problems, []);
});

test('the read of the variable that holds the map is not shown as a read of the map', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized');
  // Step until a goroutine is about to run the write line `m[k] = id`.
  const lanes = region(page, 'Goroutines');
  const found = await stepUntil(page, async () => (await lanes.locator('.next', { hasText: 'line 36' }).count()) > 0);
  assert.ok(found, 'a goroutine reaches the write line');
  const next = await lanes.locator('.next', { hasText: 'line 36' }).first().innerText();
  // Either the load of the variable m or the write itself: never "reads m".
  assert.match(next, /^next: (reads variable m|starts writing m\["k\d"\]( = \d+)?) \(line 36\)$/);
  assert.deepEqual(problems, []);
});

test('prose shows code as code, and the goroutine numbers are explained', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized');
  const advice = page.locator('.when-to-use');
  assert.doesNotMatch(await advice.innerText(), /`/);
  assert.equal(await advice.locator('code').first().innerText(), 'fatal error: concurrent map writes');
  const note = await region(page, 'Goroutines').locator('.goroutine-numbers').innerText();
  assert.match(note, /g1 is the main goroutine/);
  assert.match(note, /from g7 on \(g6 without fmt\)/);
  assert.match(note, /goroutines Go's runtime starts for itself/);
  assert.deepEqual(problems, []);
});

test("a long sync.Map step is readable in full, wrapped inside the timeline panel", async () => {
  for (const width of [1280, 375]) {
    const { page, problems } = await openApp('index.html#example=syncmap&goroutines=3&ops=4&seed=2');
    await page.setViewportSize({ width, height: 900 });
    // Step until a step explains the sync.Map's internals (a miss or a promotion).
    const current = region(page, 'Timeline').locator('.current-step');
    const found = await stepUntil(page, async () => /dirty|promot|miss/.test(await current.innerText().catch(() => '')));
    assert.ok(found, 'a sync.Map step that talks about dirty/misses');
    const text = await current.innerText();
    const row = await region(page, 'Timeline').locator('g.row.current title').textContent();
    // The full phrase (the row's tooltip says it too) is in the wrapped line.
    const phrase = row.replace(/^step \d+: /, '').replace(/ \(line \d+\)$/, '');
    assert.ok(text.includes(phrase), `${text} should contain ${phrase}`);
    const fits = await current.evaluate((e) => e.scrollWidth <= e.clientWidth + 1);
    assert.ok(fits, `the current step's text fits at ${width} px`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a goroutine cursor out of the code panel\'s sight gets a button that shows it', async () => {
  const { page, problems } = await openApp('index.html#example=rwmutex&goroutines=3&seed=1');
  await page.setViewportSize({ width: 1280, height: 800 });
  const code = region(page, 'Code');
  const offscreen = code.locator('.offscreen-cursor');
  const found = await stepUntil(page, async () => (await offscreen.count()) > 0);
  assert.ok(found, 'some goroutine cursor leaves the visible code lines');
  await quiet(page);
  // The goroutine that made the last step stays in sight.
  const mover = Number((await region(page, 'Timeline').locator('.current-step').innerText()).match(/goroutine (\d+)|main goroutine/)[1] ?? 1);
  const moverCursor = code.locator(`.code .cursor[data-go-id="${mover}"]`);
  if ((await moverCursor.count()) > 0) {
    assert.ok(await inView(moverCursor, { window: false }), `goroutine ${mover}'s cursor is in sight`);
  }
  // Each button names a goroutine whose cursor really is out of sight, and brings it in.
  const goId = await offscreen.first().getAttribute('data-go-id');
  const label = await offscreen.first().innerText();
  assert.match(label, /^[↑↓] g\d+ line \d+\b/);
  assert.match(label, /Show (goroutine \d+|main goroutine): its next line is (above|below) the visible code/);
  const cursor = code.locator(`.code .cursor[data-go-id="${goId}"]`);
  assert.equal(await inView(cursor, { window: false }), false);
  await offscreen.first().click();
  await page.waitForFunction(
    (id) => {
      const c = document.querySelector(`.code .cursor[data-go-id="${id}"]`);
      const list = document.querySelector('.code');
      if (!c || !list) return false;
      const r = c.getBoundingClientRect();
      const b = list.getBoundingClientRect();
      return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
    },
    goId,
  );
  // In sight now: its button is gone.
  await code.locator(`.offscreen-cursor[data-go-id="${goId}"]`).waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
});
