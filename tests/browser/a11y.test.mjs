// Accessibility of the main states of the page, checked by axe-core (npm `axe-core`) in the
// browser: no serious or critical violation, and all content inside landmarks.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axeViolations, describe, BLOCKING } from './axe.mjs';
import { openApp, openPage, button, region, step, quiet, findBug, LOAD_TIMEOUT, SEARCH_TIMEOUT } from './harness.mjs';

/** Assert axe finds nothing serious or critical, and no content outside landmarks. */
async function assertAccessible(page, state) {
  await quiet(page);
  const violations = await axeViolations(page);
  const blocking = violations.filter((v) => BLOCKING.includes(v.impact) || v.id === 'region');
  assert.equal(blocking.length, 0, `${state}:\n${describe(blocking)}`);
}

test('axe-core: the first screen, a crash found and stepped to, in light and dark', async () => {
  const { page, problems } = await openApp('index.html#example=unsynchronized');
  await assertAccessible(page, 'first screen');
  await findBug(page);
  await region(page, 'Outcomes')
    .getByRole('button', { name: /^Step through outcome \d+: data race · fatal error: concurrent map writes$/ })
    .first()
    .click();
  await page.getByRole('status').filter({ hasText: /^This run stops at step/ }).waitFor();
  await assertAccessible(page, 'at the crash (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'at the crash (dark)');
  assert.deepEqual(problems, []);
  await page.close();
});

test('axe-core: locks and channels mid-run, 375 px wide', async () => {
  const { page, problems } = await openApp('index.html#example=channel&seed=2');
  await page.setViewportSize({ width: 375, height: 800 });
  await step(page, 12);
  await assertAccessible(page, 'channel owner, 375 px');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'channel owner, 375 px, dark');
  assert.deepEqual(problems, []);
  await page.close();
});

test('axe-core: a program that does not compile, and the editor', async () => {
  const source = 'package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n';
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(source)}`);
  await region(page, 'Code').getByText(/does not compile/).waitFor();
  await assertAccessible(page, 'compile errors');
  await button(page, 'Edit').click();
  await assertAccessible(page, 'editor');
  assert.deepEqual(problems, []);
  await page.close();
});

test('axe-core: the embedding example page', async () => {
  const { page, problems } = await openPage('embed-example.html');
  for (const id of ['unsynchronized', 'channel']) {
    await page.frameLocator(`iframe#${id}`).locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
  }
  await assertAccessible(page, 'embed example');
  assert.deepEqual(problems, []);
  await page.close();
});

test('axe-core: the compare view, and a test file with its Test picker', async () => {
  const { page, problems } = await openApp('index.html#example=mutex&goroutines=2&ops=2&writes=50&keys=2&compare=1');
  await page.waitForFunction(
    () => document.querySelectorAll('table.compare tbody tr td[data-col="race"]').length === 6,
    null,
    { timeout: SEARCH_TIMEOUT },
  );
  await assertAccessible(page, 'compare view');
  await page.close();
  const source = 'package counter\n\nimport "testing"\n\nfunc TestA(t *testing.T) {\n\tt.Log("a")\n}\n\nfunc TestB(t *testing.T) {\n\tt.Log("b")\n}\n';
  const test = await openApp(`index.html#example=blank&code=${encodeURIComponent(source)}`);
  await test.page.getByRole('combobox', { name: 'Test' }).waitFor();
  await assertAccessible(test.page, 'test file');
  assert.deepEqual([...problems, ...test.problems], []);
  await test.page.close();
});
