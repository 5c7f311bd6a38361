// Browser benchmark (not a test): the page's download size and first render over a throttled
// network, then how long one click and one scroll take on a long trace in the real page
// (release wasm). `cargo xtask bench-web` builds the site and runs this; it prints medians and
// maxima, and asserts nothing (speed goals live in benchmarks, not timed tests).
//
// First render: a fresh page (no cache) loads index.html over a network emulated at
// NETWORK_MBIT Mbit/s down with NETWORK_LATENCY_MS latency (Chromium's DevTools protocol); the
// server sends the precompressed copies as a static host would. Measured from the navigation
// start to the app's root element in the DOM; the bytes are what came over the wire. The page
// then loads its core (the Go runtime: the explorer worker's wasm, instantiated in the page's
// thread): "core ready" is from the navigation start until the steps work
// (`data-core="ready"`), with the bytes of that second download.
//
// Measured inside the page with performance.now(): from the click (or scroll) to the DOM
// reflecting it ("updated"), and to the next animation frame after that ("painted").
//
// Find a bug: the page's default search on the presets at 4 goroutines × 3 operations and the
// article's Cache (3 writers, 3 readers), from the click to the finished summary (timed in the
// page), each in a fresh page: clicked after the explorer's worker has warmed up (as a reader
// reads the page first), best of 3, on one worker (the page's default) and on two workers
// (`?find-workers=2`: the side-by-side search), and clicked as soon as the button works (the
// core loads after the first render: the moment it is ready), best of 3, alternated; against the
// same search of the same program by the release CLI (`racemap explore`, process start-up
// included, best of 3; RACEMAP_CLI, which `cargo xtask bench-web` builds).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
/** The app once its core is ready (a page built before the core moved out has no `data-core`:
 * ready at its first render). */
const CORE_READY = '[data-testid="app"]:not([data-core="loading"])';

/** One cold load of the page over the emulated network: [ms to the app rendered, bytes on the
 * wire by then, wasm bytes by then, ms to the core ready, bytes on the wire by then, each
 * file's bytes on the wire as [name, bytes]]. */
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
  const files = [];
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const url = urls.get(e.requestId) ?? '?';
    if (url.endsWith('.wasm')) wasm += e.encodedDataLength;
    files.push([url.split('/').pop(), e.encodedDataLength]);
  });
  const sinceNavigation = () =>
    page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return performance.now() - (nav ? nav.startTime : 0);
    });
  await page.goto(url);
  await page.getByTestId('app').waitFor({ timeout: 120_000 });
  const ms = await sinceNavigation();
  const [renderBytes, renderWasm] = [bytes, wasm];
  await page.locator(CORE_READY).waitFor({ timeout: 120_000 });
  const coreMs = await sinceNavigation();
  await page.close();
  return [ms, renderBytes, renderWasm, coreMs, bytes, files];
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

/** The programs "Find a bug" is timed on: the presets at 4 goroutines × 3 operations and the
 * article's Cache with 3 writers and 3 readers (the issue's sizes), as [label, page hash, Go
 * source or null for a preset (the CLI generates it)]. */
function findBugCases() {
  const presets = ['mutex', 'rwmutex', 'syncmap', 'channel', 'sharded'].map((example) => [
    `${example} 4 × 3`,
    `example=${example}&goroutines=4&ops=3`,
    null,
    example,
  ]);
  const cache = readFileSync(path.join(here, '../../crates/racemap/benches/programs/article_cache_3w3r.go'), 'utf8');
  return [...presets, ["article's Cache 3W+3R", `example=blank&code=${encodeURIComponent(cache)}`, cache, null]];
}

/** "Find a bug" in a fresh page on `hash` (`query`: the page address's query, e.g.
 * `?find-workers=2`): [ms from the click to the finished summary, the summary, ms from the first
 * render until the explorer's worker said it was warm (or null)]. Timed inside the page with
 * performance.now() and a MutationObserver (a locator's waitFor polls at growing intervals, up
 * to 500 ms apart, which rounded every time up to the next poll). With `warm`, the click waits
 * for the worker's warm-up (`data-explorer="warm"`), as a reader reads the page before
 * searching; without, it comes as soon as the button works (the core is ready). */
async function timeFindBug(context, server, hash, warm, query = '') {
  const { page } = await newWatchedPage(context);
  await page.goto(new URL(`index.html${query}#${hash}`, server.url).href);
  // The button works once the core is ready (it loads after the first render).
  await page.locator(CORE_READY).waitFor({ timeout: 120_000 });
  const warmMs = !warm
    ? null
    : await page.evaluate(
        () =>
          new Promise((resolve) => {
            const app = document.querySelector('[data-testid="app"]');
            const t0 = performance.now();
            const isWarm = () => app.getAttribute('data-explorer') === 'warm';
            if (isWarm()) return resolve(0);
            const observer = new MutationObserver(() => {
              if (isWarm()) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(app, { attributes: true, attributeFilter: ['data-explorer'] });
          }),
      );
  const [ms, text] = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const app = document.querySelector('[data-testid="app"]');
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Find a bug');
        const done = /^(Every interleaving covered|Limit reached|Stopped by you)/;
        const observer = new MutationObserver(() => {
          const summary = app.querySelector('.find-bug-results .outcome-summary');
          if (summary && done.test(summary.textContent)) {
            const ms = performance.now() - t0;
            observer.disconnect();
            resolve([ms, summary.textContent]);
          }
        });
        observer.observe(app, { childList: true, subtree: true, characterData: true });
        const t0 = performance.now();
        button.click();
      }),
  );
  await page.close();
  return [ms, text, warmMs];
}

/** Page samples of "Find a bug" per case: clicked at the first render, after the warm-up on one
 * worker (the page's default) and on two (`?find-workers=2`), alternated so all see the same
 * load. */
const FIND_SAMPLES = 3;

/** The same search natively: ms of `racemap explore` (best of 3) on `source` (or the preset
 * `example` at 4 × 3), and its first line. */
function timeNative(label, source, example) {
  const cli = process.env.RACEMAP_CLI;
  const program = source ?? execFileSync(cli, ['example', example, '--goroutines', '4', '--ops', '3']);
  const file = path.join(here, 'artifacts', `bench-${label.replace(/[^a-z0-9]+/gi, '-')}.go`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, program);
  let best = Infinity;
  let out;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    try {
      out = execFileSync(cli, ['explore', file]).toString();
    } catch (e) {
      out = e.stdout.toString(); // exit 1: it found a race, crash or deadlock
    }
    best = Math.min(best, performance.now() - t0);
  }
  return [best, out.split('\n')[0]];
}

const server = await startServer(DIST);
const browser = await launchBrowser();
// RACEMAP_CORES=N: the page sees N cores (`navigator.hardwareConcurrency`), so it uses
// min(N, 2) explorer workers; to compare one worker with two on the same build.
if (process.env.RACEMAP_CORES) {
  const cores = Number(process.env.RACEMAP_CORES);
  await browser.context.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  }, cores);
}
try {
  const loads = [];
  for (let i = 0; i < FIRST_RENDER_SAMPLES; i++) {
    loads.push(await firstRender(browser.context, new URL('index.html', server.url).href));
  }
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const spread = (i) => {
    const times = loads.map((l) => l[i]).sort((a, b) => a - b);
    return `median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`;
  };
  console.log(
    `first render at ${NETWORK_MBIT} Mbit/s, ${NETWORK_LATENCY_MS} ms latency (${FIRST_RENDER_SAMPLES} cold loads): ` +
      `${spread(0)}; on the wire by then: ${kib(loads[0][1])} in all, wasm ${kib(loads[0][2])}`,
  );
  console.log(
    `core ready (the steps work): ${spread(3)}; on the wire by then: ${kib(loads[0][4])} in all`,
  );
  console.log(`files on the wire (first load): ${loads[0][5].map(([name, n]) => `${name} ${kib(n)}`).join(', ')}`);
  const { page, problems } = await newWatchedPage(browser.context);
  await page.goto(new URL(`index.html#example=blank&seed=1&code=${encodeURIComponent(LONG_TRACE)}`, server.url).href);
  await page.locator(CORE_READY).waitFor({ timeout: 30_000 });
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
    const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
    const best = (xs) => Math.min(...xs);
    for (const [label, hash, source, example] of findBugCases()) {
      const cold = [];
      let coldSummary;
      const one = [];
      const two = [];
      let warmSummary;
      let warmUps = [];
      for (let i = 0; i < FIND_SAMPLES; i++) {
        const [coldMs, coldText] = await timeFindBug(browser.context, server, hash, false);
        cold.push(coldMs);
        coldSummary = coldText;
        const [ms, text, warmUpMs] = await timeFindBug(browser.context, server, hash, true);
        one.push(ms);
        warmUps.push(warmUpMs);
        warmSummary = text;
        two.push((await timeFindBug(browser.context, server, hash, true, '?find-workers=2'))[0]);
      }
      const [nativeMs, nativeLine] = timeNative(label, source, example);
      const x = (ms) => `${(ms / nativeMs).toFixed(1)}×`;
      console.log(
        `Find a bug, ${label}: page after the warm-up ${s(best(one))} (${x(best(one))} native; ` +
          `${one.map(s).join(', ')}), two workers ${s(best(two))} (${x(best(two))}; ${two.map(s).join(', ')}); ` +
          `warm-up ${s(best(warmUps))} after the first render; page clicked at the first render ${s(best(cold))} ` +
          `(${x(best(cold))}; ${cold.map(s).join(', ')}), native ${s(nativeMs)}\n` +
          `  page:   ${warmSummary.split('\n')[0]}\n  page (first render): ${coldSummary.split('\n')[0]}\n  native: ${nativeLine}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
