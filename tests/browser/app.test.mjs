// Browser tests of the built site (`cargo xtask test` builds it and sets RACEMAP_DIST).
//
// Every assertion on the app is on DOM that only the yew app (the wasm) produces: the static
// index.html has an empty <body>, so these tests fail when the wasm does not load.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launchBrowser, newWatchedPage } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RACEMAP_DIST ?? path.join(here, '../../dist'));
const ARTIFACTS = path.join(here, 'artifacts');
const PANELS = ['Code', 'Goroutines', 'Map', 'Locks', 'Channels', 'Timeline', 'Console'];
const LOAD_TIMEOUT = 30_000;

let server;
let browser;

before(async () => {
  assert.ok(
    existsSync(path.join(DIST, 'index.html')),
    `no built site in ${DIST}: run \`cargo xtask test\` (or \`cargo xtask dist\`) first`,
  );
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startServer(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Open `relativeUrl` and wait until the yew app has rendered into it. */
async function openApp(relativeUrl) {
  const watched = await newWatchedPage(browser.context);
  await watched.page.goto(new URL(relativeUrl, server.url).href);
  await watched.page.getByTestId('app').waitFor({ timeout: LOAD_TIMEOUT });
  return watched;
}

function screenshot(page, name) {
  return page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

test('the app shell renders from wasm with its landmarks and labelled controls', async () => {
  const { page, problems } = await openApp('index.html');
  assert.equal(await page.title(), 'racemap');
  await page.getByRole('heading', { level: 1, name: 'racemap' }).waitFor();

  const picker = page.getByRole('combobox', { name: 'Example' });
  assert.equal(await picker.inputValue(), 'unsynchronized');
  assert.equal(await picker.locator('option').count(), 6);

  for (const name of PANELS) {
    const region = page.getByRole('region', { name, exact: true });
    assert.equal(await region.count(), 1, `panel region "${name}"`);
    assert.ok(await region.isVisible(), `panel "${name}" visible`);
  }
  for (const name of ['Reset to the first step', 'Step back', 'Step forward', 'Run to the end']) {
    assert.equal(await page.getByRole('button', { name }).count(), 1, `button "${name}"`);
  }
  await page.getByRole('status').filter({ hasText: 'Unsynchronized map' }).waitFor();
  // The footer is computed by the core crate linked into the wasm.
  assert.match(await page.locator('footer').innerText(), /racemap v\d+\.\d+\.\d+ .* at most 10/);

  await screenshot(page, 'app-1280');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the URL hash selects the example and picking one updates the hash', async () => {
  const { page, problems } = await openApp('index.html#example=mutex');
  const picker = page.getByRole('combobox', { name: 'Example' });
  assert.equal(await picker.inputValue(), 'mutex');
  await page.getByRole('status').filter({ hasText: 'sync.Mutex' }).waitFor();

  await picker.selectOption('sharded');
  await page.waitForFunction(() => location.hash === '#example=sharded');
  await page.getByRole('status').filter({ hasText: 'Sharded map' }).waitFor();

  // A pasted link (hash change without reload) is followed too.
  await page.evaluate(() => {
    location.hash = '#example=sync-map';
  });
  await page.waitForFunction(
    () => document.querySelector('select[name=example]')?.value === 'sync-map',
  );

  // Unknown values fall back to the default instead of failing.
  await page.goto(new URL('index.html#example=nope', server.url).href);
  await page.reload();
  await page.getByTestId('app').waitFor({ timeout: LOAD_TIMEOUT });
  assert.equal(await picker.inputValue(), 'unsynchronized');

  assert.deepEqual(problems, []);
  await page.close();
});

test('the page is usable 375px wide: no horizontal scrolling, panels stacked', async () => {
  const { page, problems } = await openApp('index.html');
  await page.setViewportSize({ width: 375, height: 800 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 375, `page is ${scrollWidth}px wide at 375px`);
  const code = await page.getByRole('region', { name: 'Code', exact: true }).boundingBox();
  const goroutines = await page.getByRole('region', { name: 'Goroutines' }).boundingBox();
  assert.ok(goroutines.y >= code.y + code.height, 'Goroutines panel is below Code');
  await screenshot(page, 'app-375');
  assert.deepEqual(problems, []);
  await page.close();
});

test('dark mode follows prefers-color-scheme', async () => {
  const { page, problems } = await openApp('index.html');
  const luminance = () =>
    page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok((await luminance()) > 0.8, 'light background');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok((await luminance()) < 0.2, 'dark background');
  await screenshot(page, 'app-dark');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the embedding example renders the app twice, each with its own example', async () => {
  const watched = await newWatchedPage(browser.context);
  const { page, problems } = watched;
  await page.goto(new URL('embed-example.html', server.url).href);
  for (const [id, example] of [
    ['unsynchronized', 'unsynchronized'],
    ['mutex', 'mutex'],
  ]) {
    const frame = page.frameLocator(`iframe#${id}`);
    const app = frame.getByTestId('app');
    await app.waitFor({ timeout: LOAD_TIMEOUT });
    assert.match(await app.getAttribute('class'), /\bembed\b/, `iframe ${id} uses the compact layout`);
    assert.equal(await frame.getByRole('combobox', { name: 'Example' }).inputValue(), example);
    assert.equal(await frame.getByRole('region', { name: 'Console' }).count(), 1);
  }
  await screenshot(page, 'embed-example');
  assert.deepEqual(problems, []);
  await page.close();
});
