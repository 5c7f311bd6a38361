// Browser benchmark (not a test): the page's download size and first render over a throttled
// network, then how long one click and one scroll take on a long trace in the real page
// (release wasm). `cargo xtask bench-web` builds the site and runs this; it prints medians and
// maxima, and asserts nothing (speed goals live in benchmarks, not timed tests).
//
// First render: a fresh page (no cache) loads index.html over a network emulated at
// NETWORK_MBIT Mbit/s down with NETWORK_LATENCY_MS latency (Chromium's DevTools protocol); the
// server sends the precompressed copies as a static host would. Measured from the navigation
// start to the app's root element in the DOM; the bytes are what came over the wire.
//
// Measured inside the page with performance.now(): from the click (or scroll) to the DOM
// reflecting it ("updated"), and to the next animation frame after that ("painted").
//
// Find a bug: the page's default search (10 000 runs) on the mutex, rwmutex and channel presets
// at 3 goroutines × 3 operations, from the click to the finished summary, against the same
// search of the same program by the release CLI (`racemap explore`, process start-up included;
// RACEMAP_CLI, which `cargo xtask bench-web` builds).

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launchBrowser, newWatchedPage } from './browser.mjs';
import { LONG_TRACE } from './programs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.RACEMAP_DIST ?? path.join(here, '../../dist'));
const SAMPLES = 25;
/** The emulated network of the first-render figure. */
const NETWORK_MBIT = 10;
const NETWORK_LATENCY_MS = 40;
const FIRST_RENDER_SAMPLES = 5;

/** One cold load of the page over the emulated network: [ms to the app rendered, bytes on the
 * wire, wasm bytes on the wire]. */
async function firstRender(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: NETWORK_LATENCY_MS,
    downloadThroughput: (NETWORK_MBIT * 1e6) / 8,
    uploadThroughput: (NETWORK_MBIT * 1e6) / 8,
  });
  let bytes = 0;
  let wasm = 0;
  const urls = new Map();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (urls.get(e.requestId)?.endsWith('.wasm')) wasm += e.encodedDataLength;
  });
  await page.goto(url);
  await page.getByTestId('app').waitFor({ timeout: 120_000 });
  const ms = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return performance.now() - (nav ? nav.startTime : 0);
  });
  await page.close();
  return [ms, bytes, wasm];
}


/** Click the button named `name`; resolve to [updated ms, painted ms]. */
function timeClick(page, name) {
  return page.evaluate(async (name) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
    const counter = document.querySelector('[aria-label="Current step"]');
    const before = counter.textContent;
    const t0 = performance.now();
    const updated = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (counter.textContent !== before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(counter, { childList: true, characterData: true, subtree: true });
    });
    button.click();
    const t1 = await updated;
    const t2 = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    return [t1 - t0, t2 - t0];
  }, name);
}

/** Scroll the timeline to sample `i` of positions spread over its height; resolve to
 * [updated ms, painted ms] (rows redrawn). */
function timeScroll(page, i) {
  return page.evaluate(async (i) => {
    const scroller = document.querySelector('.timeline-scroll');
    const range = scroller.scrollHeight - scroller.clientHeight;
    // Far jumps (a prime stride), never to the position it is at.
    const top = Math.round(((i * 7919 * 22) % range) / 22) * 22;
    const svg = scroller.querySelector('svg');
    const t0 = performance.now();
    const updated = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(svg, { childList: true, subtree: true, attributes: true, characterData: true });
    });
    scroller.scrollTop = top;
    const t1 = await Promise.race([updated, new Promise((r) => setTimeout(() => r(performance.now()), 500))]);
    const t2 = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    return [t1 - t0, t2 - t0];
  }, i);
}

function summary(label, samples) {
  const stat = (i) => {
    const sorted = samples.map((s) => s[i]).sort((a, b) => a - b);
    return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
  };
  console.log(`${label.padEnd(34)} updated: ${stat(0)}; painted: ${stat(1)}`);
}

/** "Find a bug" on preset `example` at 3 × 3 in a fresh page: [ms from the click to the
 * finished summary, the summary]. */
async function timeFindBug(context, server, example) {
  const { page } = await newWatchedPage(context);
  await page.goto(new URL(`index.html#example=${example}&goroutines=3&ops=3`, server.url).href);
  await page.getByTestId('app').waitFor({ timeout: 120_000 });
  const button = page.getByRole('button', { name: 'Find a bug', exact: true });
  const summary = page.getByRole('region', { name: 'Outcomes', exact: true }).locator('.outcome-summary');
  const t0 = Date.now();
  await button.click();
  await summary
    .filter({ hasText: /^(Every interleaving covered|Limit reached|Stopped by you)/ })
    .waitFor({ timeout: 600_000 });
  const ms = Date.now() - t0;
  const text = await summary.innerText();
  await page.close();
  return [ms, text];
}

/** The same search natively: ms of `racemap explore` on the preset, and its first line. */
function timeNative(example) {
  const cli = process.env.RACEMAP_CLI;
  const source = execFileSync(cli, ['example', example, '--goroutines', '3', '--ops', '3']);
  const file = path.join(here, 'artifacts', `bench-${example}.go`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
  const t0 = performance.now();
  let out;
  try {
    out = execFileSync(cli, ['explore', file]).toString();
  } catch (e) {
    out = e.stdout.toString(); // exit 1: it found a race, crash or deadlock
  }
  return [performance.now() - t0, out.split('\n')[0]];
}

const server = await startServer(DIST);
const browser = await launchBrowser();
try {
  const loads = [];
  for (let i = 0; i < FIRST_RENDER_SAMPLES; i++) {
    loads.push(await firstRender(browser.context, new URL('index.html', server.url).href));
  }
  const times = loads.map((l) => l[0]).sort((a, b) => a - b);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `first render at ${NETWORK_MBIT} Mbit/s, ${NETWORK_LATENCY_MS} ms latency (${FIRST_RENDER_SAMPLES} cold loads): ` +
      `median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms; ` +
      `on the wire: ${kib(loads[0][1])} in all, wasm ${kib(loads[0][2])}`,
  );
  const { page, problems } = await newWatchedPage(browser.context);
  await page.goto(new URL(`index.html#example=blank&seed=1&code=${encodeURIComponent(LONG_TRACE)}`, server.url).href);
  await page.getByTestId('app').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Run to next race or error', exact: true }).click();
  const steps = Number((await page.getByLabel('Current step').innerText()).replace('step ', ''));
  console.log(`trace: ${steps} steps`);
  // Go back to step 2000, then measure around it.
  await page.waitForFunction(() => /[#&]step=\d+/.test(location.hash));
  await page.evaluate(() => {
    location.hash = location.hash.replace(/step=\d+/, 'step=2000');
  });
  await page.waitForFunction(() => document.querySelector('[aria-label="Current step"]')?.textContent === 'step 2000');
  const back = [];
  for (let i = 0; i < SAMPLES; i++) back.push(await timeClick(page, 'Step back'));
  const forward = [];
  for (let i = 0; i < SAMPLES; i++) forward.push(await timeClick(page, 'Step'));
  const scroll = [];
  for (let i = 0; i < SAMPLES; i++) scroll.push(await timeScroll(page, i + 1));
  summary('step back at ~2000', back);
  summary('step forward at ~2000', forward);
  summary('scroll the timeline', scroll);
  if (problems.length) console.log('page problems:', problems);
  if (process.env.RACEMAP_CLI) {
    for (const example of ['mutex', 'rwmutex', 'channel']) {
      const [pageMs, pageSummary] = await timeFindBug(browser.context, server, example);
      const [nativeMs, nativeLine] = timeNative(example);
      console.log(
        `Find a bug, ${example} 3 × 3: page ${(pageMs / 1000).toFixed(2)} s, native ${(nativeMs / 1000).toFixed(2)} s ` +
          `(${(pageMs / nativeMs).toFixed(1)}×)\n  page:   ${pageSummary.split('\n')[0]}\n  native: ${nativeLine}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
