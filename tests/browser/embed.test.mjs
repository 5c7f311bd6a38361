// Docs embedding: iframes that fit their content (the host script `embed.js`), an "Open in
// racemap" link to the full page, and Go code blocks turned into live widgets.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, region, findBug, screenshot, LOAD_TIMEOUT } from './harness.mjs';

/** The iframe's content height and the app's height inside it. */
async function heights(page, selector) {
  const frameHeight = await page.locator(selector).evaluate((f) => f.clientHeight);
  const appHeight = await page
    .frameLocator(selector)
    .getByTestId('app')
    .evaluate((app) => Math.ceil(app.getBoundingClientRect().height));
  return { frameHeight, appHeight };
}

/** Wait until the iframe is exactly as tall as its content (so no inner scroll bar). */
async function untilFits(page, selector) {
  const start = Date.now();
  for (;;) {
    const { frameHeight, appHeight } = await heights(page, selector);
    if (Math.abs(frameHeight - appHeight) <= 1) return appHeight;
    if (Date.now() - start > LOAD_TIMEOUT) {
      assert.fail(`${selector}: iframe ${frameHeight}px, content ${appHeight}px`);
    }
    await page.waitForTimeout(50);
  }
}

test('embeds fit their content as it grows, and link to the full page', async () => {
  const { page, problems } = await openPage('embed-example.html');
  const selector = 'iframe#unsynchronized';
  const frame = page.frameLocator(selector);
  await frame.locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
  const before = await untilFits(page, selector);
  const inner = await frame.locator('html').evaluate((html) => html.scrollHeight - html.clientHeight);
  assert.ok(inner <= 1, `no inner scrolling (${inner}px hidden)`);

  // Find a bug adds the outcomes: the iframe grows with them.
  assert.match(await findBug(frame), /some with a data race/);
  const after = await untilFits(page, selector);
  assert.ok(after > before, `grew from ${before}px to ${after}px`);
  assert.ok(await region(frame, 'Outcomes').isVisible());

  // "Open in racemap": the same program in the full page, in a new tab.
  const open = frame.getByRole('link', { name: /Open in racemap/ });
  const href = await open.getAttribute('href');
  assert.match(href, /index\.html#example=unsynchronized&/);
  assert.doesNotMatch(href, /embed/);
  assert.equal(await open.getAttribute('target'), '_blank');
  await screenshot(page, 'embed-fits');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a <pre class="racemap"> Go block becomes a live widget with its Go version', async () => {
  const { page, problems } = await openPage('embed-example.html');
  assert.equal(await page.locator('pre.racemap').count(), 0, 'every block was replaced');
  const selector = 'iframe.racemap-widget';
  assert.equal(await page.locator(selector).getAttribute('title'), 'racemap: the loop-closure race');
  await page.locator(selector).scrollIntoViewIfNeeded();
  const frame = page.frameLocator(selector);
  await frame.locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
  await region(frame, 'Code').getByText('done <- i', { exact: false }).first().waitFor();
  assert.equal(await frame.getByRole('combobox', { name: 'Go' }).inputValue(), 'go1.21');
  await untilFits(page, selector);
  assert.match(await findBug(frame), /^Every interleaving covered: .*, some with a data race\.$/);
  assert.deepEqual(problems, []);
  await page.close();
});
