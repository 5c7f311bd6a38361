// Browser tests of "Compare strategies": one click runs the current workload through every
// strategy and fills a row per strategy, while the page keeps responding. They also take the
// README's screenshots (docs/screenshots/ with RACEMAP_README_SCREENSHOTS=1, else artifacts/):
// the compare view and an embedded widget.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  openApp,
  openPage,
  button,
  region,
  untilStep,
  quiet,
  readmeScreenshot,
  SEARCH_TIMEOUT,
  LOAD_TIMEOUT,
} from './harness.mjs';

/** The text of one cell: the row of `strategy` (its slug), the column `col`. */
const cell = (panel, strategy, col) =>
  panel.locator(`tr[data-strategy="${strategy}"] td[data-col="${col}"]`).innerText();

test('Compare strategies fills a row per strategy for one workload, without freezing the page', async () => {
  const { page, problems } = await openApp('index.html#example=mutex&goroutines=2&ops=2&writes=50&keys=2');
  const panel = region(page, 'Compare strategies');
  await button(page, 'Compare all strategies').click();
  // The page answers while the strategies are explored: a step goes through.
  await button(page, 'Step').click();
  await untilStep(page, 1);
  // Every row finished: each has its verdict cells (no row waiting or exploring).
  await page.waitForFunction(
    () => document.querySelectorAll('table.compare tbody tr td[data-col="race"]').length === 6,
    null,
    { timeout: SEARCH_TIMEOUT },
  );
  await quiet(page);
  assert.equal(await button(page, 'Compare all strategies').count(), 1, 'the button is back');
  // The rows went to as many workers as the browser has processors, at most two (besides the
  // warmed-up worker of Find a bug).
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.equal(page.workers().length, 1 + Math.min(2, Math.max(1, cores)), `workers with ${cores} processors`);
  const slugs = ['unsynchronized', 'mutex', 'rwmutex', 'syncmap', 'channel', 'sharded'];
  for (const s of slugs) {
    const unsafeMap = s === 'unsynchronized';
    assert.equal(await cell(panel, s, 'race'), unsafeMap ? 'yes' : 'no', `${s}: race`);
    assert.equal(await cell(panel, s, 'crash'), unsafeMap ? 'yes' : 'no', `${s}: crash`);
    assert.equal(await cell(panel, s, 'deadlock'), 'no', `${s}: deadlock`);
    assert.equal(await cell(panel, s, 'search'), 'complete: every interleaving', `${s}: search`);
    assert.ok(Number(await cell(panel, s, 'runs')) >= 1, `${s}: runs`);
    assert.match(await cell(panel, s, 'go'), /^\d+ ns\/op at 50% writes/, `${s}: real Go`);
    assert.ok((await cell(panel, s, 'advice')).length > 20, `${s}: advice`);
  }
  // Blocked steps: none without synchronization, on locks for the mutex, on channels for the owner.
  assert.equal(await cell(panel, 'unsynchronized', 'blocked'), '0.0');
  assert.match(await cell(panel, 'mutex', 'blocked'), /^\d+\.\d \(locks\)$/);
  assert.match(await cell(panel, 'channel', 'blocked'), /^\d+\.\d \(channels\)$/);
  // The real Go figures say where they come from.
  const note = await panel.locator('.go-bench-note').innerText();
  assert.match(note, /go version go1\.\d+/);
  assert.match(note, /\d{4}-\d{2}-\d{2}/);
  await panel.scrollIntoViewIfNeeded();
  await readmeScreenshot(panel, 'compare');
  // The address says so: a link reopens the comparison.
  await page.waitForFunction(() => /[#&]compare=1(&|$)/.test(location.hash));
  assert.deepEqual(problems, []);
});

test('a link made while comparing reopens the compare view', async () => {
  const { page, problems } = await openApp('index.html#example=rwmutex&goroutines=2&ops=2&writes=50&keys=2&compare=1');
  const panel = region(page, 'Compare strategies');
  // The comparison runs again by itself, and the page opens on it.
  await page.waitForFunction(
    () => document.querySelectorAll('table.compare tbody tr td[data-col="race"]').length === 6,
    null,
    { timeout: SEARCH_TIMEOUT },
  );
  await quiet(page);
  assert.equal(await cell(panel, 'unsynchronized', 'race'), 'yes');
  assert.equal(await cell(panel, 'rwmutex', 'race'), 'no');
  const title = panel.getByRole('heading', { name: 'Compare strategies' });
  const top = await title.evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < (await page.evaluate(() => innerHeight)), `the view is on the comparison (top ${top})`);
  assert.deepEqual(problems, []);
});

test('an embedded widget in a docs-like page, for the README', async () => {
  const { page, problems } = await openPage('embed-example.html');
  await page.setViewportSize({ width: 1100, height: 1000 });
  const frame = page.frameLocator('iframe#unsynchronized');
  await frame.locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
  await region(frame, 'Code').getByText('unsynchronized write', { exact: false }).first().waitFor();
  // The iframe has taken its content's height (embed.js), so the shot shows the whole widget.
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe#unsynchronized');
    const app = f?.contentDocument?.querySelector('[data-testid="app"]');
    return app && Math.abs(f.clientHeight - Math.ceil(app.getBoundingClientRect().height)) <= 1;
  }, null, { timeout: LOAD_TIMEOUT });
  await readmeScreenshot(page, 'embed');
  assert.deepEqual(problems, []);
});
