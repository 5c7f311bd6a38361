// The built site as a host serves it: a placeholder while the wasm loads, and precompressed
// copies of every file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';

import { newWatchedPage } from './browser.mjs';
import { DIST, site, urlOf, appReady } from './harness.mjs';

test('a placeholder shows while the wasm loads; the app replaces it, served compressed', async () => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /id="loading"[^>]*>[\s\S]*Loading the visualizer…/);
  const { page, problems } = await newWatchedPage(site.browser.context);
  // Hold the wasm back until the placeholder has been seen.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const encodings = {};
  page.on('response', (response) => {
    encodings[path.extname(new URL(response.url()).pathname)] = response.headers()['content-encoding'];
  });
  await page.goto(urlOf('index.html'), { waitUntil: 'domcontentloaded' });
  const placeholder = page.locator('#loading');
  await placeholder.getByText('Loading the visualizer…').waitFor();
  assert.ok(await placeholder.isVisible());
  assert.equal(await page.getByTestId('app').count(), 0);
  release();
  await appReady(page);
  assert.equal(await placeholder.count(), 0, 'the app removed the placeholder');
  // The browser asked for compressed files and got the precompressed copies.
  assert.match(encodings['.wasm'] ?? 'none', /^(br|gzip)$/);
  assert.match(encodings['.js'] ?? 'none', /^(br|gzip)$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('every file of the site has a .gz and a .br copy with the same content', async () => {
  const files = (await readdir(DIST)).filter((f) => /\.(html|js|css|wasm|svg)$/.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.js')), `site files: ${files}`);
  for (const file of files) {
    const original = await readFile(path.join(DIST, file));
    const gz = await readFile(path.join(DIST, `${file}.gz`));
    const br = await readFile(path.join(DIST, `${file}.br`));
    assert.ok(gunzipSync(gz).equals(original), `${file}.gz`);
    assert.ok(brotliDecompressSync(br).equals(original), `${file}.br`);
    if (original.length > 4096) assert.ok(br.length < original.length / 2, `${file}.br is smaller`);
  }
});

test("the explorer worker's files are named after their content, and the page starts that worker", async () => {
  const files = await readdir(DIST);
  const loaders = files.filter((f) => /^explorer_worker_loader-[0-9a-f]{16}\.js$/.test(f));
  assert.equal(loaders.length, 1, `one hashed loader: ${files}`);
  const hash = loaders[0].match(/-([0-9a-f]{16})\.js$/)[1];
  for (const name of [`explorer_worker-${hash}.js`, `explorer_worker-${hash}_bg.wasm`]) {
    assert.ok(files.includes(name), `${name} in ${files}`);
  }
  assert.ok(
    !files.some((f) => /^explorer_worker(_loader|_bg)?\.(js|wasm)$/.test(f)),
    `no worker file keeps trunk's plain name: ${files}`,
  );
  const loader = await readFile(path.join(DIST, loaders[0]), 'utf8');
  assert.ok(loader.includes(`"./explorer_worker-${hash}.js"`) && loader.includes(`"./explorer_worker-${hash}_bg.wasm"`), loader);
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, new RegExp(`<meta name="racemap-worker" content="\\./explorer_worker_loader-${hash}\\.js"`));
  // The page starts its worker from the hashed loader, and the worker answers.
  const { page, problems } = await newWatchedPage(site.browser.context);
  await page.goto(urlOf('index.html#example=mutex'));
  await appReady(page);
  const worker = page.workers()[0] ?? (await page.waitForEvent('worker'));
  assert.ok(worker.url().endsWith(`/explorer_worker_loader-${hash}.js`), worker.url());
  await page.locator('[data-testid="app"][data-explorer="warm"]').waitFor({ timeout: 300_000 });
  assert.deepEqual(problems, []);
  await page.close();
});
