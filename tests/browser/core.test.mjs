// Browser test of the page's two downloads: the page's own wasm renders the program's code at
// once; the core (the Go runtime: compiler and machine, the explorer worker's wasm loaded a
// second time in the page's thread) comes after, and only then do the steps work. The core's
// download is held back here until the test lets it through.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LOAD_TIMEOUT, button, clickToStep, currentStep, openApp, region, settle, site, step } from './harness.mjs';
import { newWatchedPage } from './browser.mjs';

test("the example's code is on screen before the core has loaded; steps work once it has", async () => {
  // A link with moves and a step: three steps of the seeded scheduler, one back.
  const author = await openApp('index.html#example=mutex&goroutines=2&ops=1&seed=3');
  await step(author.page, 3);
  await clickToStep(author.page, button(author.page, 'Step back'), 2);
  await author.page.waitForURL(/moves=.*&step=2$/);
  const link = author.page.url();
  await author.page.close();

  const { page, problems } = await newWatchedPage(site.browser.context);
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  let coreRequests = 0;
  await page.route(/explorer_worker[^/]*_bg\.wasm$/, async (route) => {
    coreRequests += 1;
    await held;
    await route.continue();
  });
  await page.goto(link);
  const app = page.getByTestId('app');
  await app.waitFor({ timeout: LOAD_TIMEOUT });
  assert.equal(await app.getAttribute('data-core'), 'loading');
  // The code, the loading state, and controls that wait for the core.
  const code = region(page, 'Code');
  await code.getByText('mu.Lock()').first().waitFor();
  assert.match(await code.innerText(), /package main/);
  await page.getByTestId('core-loading').getByText('Loading the Go runtime…').waitFor();
  assert.ok(await button(page, 'Step').isDisabled());
  assert.ok(await button(page, 'Find a bug').isDisabled());
  assert.equal(coreRequests, 1, 'the core is being fetched');
  // The link's moves and step stay in the address bar while the core loads (the page rewrites
  // the hash 150 ms after a change).
  await settle(page, 300);
  assert.equal(page.url(), link);

  release();
  await page.locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
  // The link's step is shown, and stepping goes on from it.
  assert.equal(await currentStep(page), 2);
  await step(page);
  assert.equal(await currentStep(page), 3);
  assert.equal(await page.getByTestId('core-loading').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
