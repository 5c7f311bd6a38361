// What every browser test file shares: the built site served on a free port, one headless
// Chromium, and helpers that act like a user and wait for what the page shows.
//
// Nothing here waits a fixed time: every helper waits for a condition (a counter, a text, a
// URL), with timeouts generous enough for an unoptimized build on a loaded 2-core machine
// (`cargo xtask browser-tests --debug-site`) but bounded, so a real failure still ends the run.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launchBrowser, newWatchedPage } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.RACEMAP_DIST ?? path.join(here, '../../dist'));
const ARTIFACTS = path.join(here, 'artifacts');

/** Longest wait for one thing the page should do (a click's effect, a text to appear). */
export const ACTION_TIMEOUT = 120_000;
/** Longest wait for the app to load (the wasm is 1–10 MB, unoptimized builds are slower). */
export const LOAD_TIMEOUT = 180_000;
/** Longest wait for a "Find a bug" search. */
export const SEARCH_TIMEOUT = 300_000;

/** The shared server and browser, set up once per test file. */
export const site = { server: undefined, browser: undefined };

before(async () => {
  assert.ok(
    existsSync(path.join(DIST, 'index.html')),
    `no built site in ${DIST}: run \`cargo xtask test\` (or \`cargo xtask dist\`) first`,
  );
  await mkdir(ARTIFACTS, { recursive: true });
  site.server = await startServer(DIST);
  site.browser = await launchBrowser();
  site.browser.context.setDefaultTimeout(ACTION_TIMEOUT);
});

after(async () => {
  await site.browser?.close();
  await site.server?.close();
});

/** The absolute URL of `relativeUrl` on the test server. */
export const urlOf = (relativeUrl) => new URL(relativeUrl, site.server.url).href;

/** A new watched page (see `newWatchedPage`) showing `relativeUrl`, not waiting for the app. */
export async function openPage(relativeUrl) {
  const watched = await newWatchedPage(site.browser.context);
  await watched.page.goto(urlOf(relativeUrl));
  return watched;
}

/** Open `relativeUrl` and wait until the yew app has rendered into it. */
export async function openApp(relativeUrl) {
  const watched = await openPage(relativeUrl);
  await appReady(watched.page);
  return watched;
}

/** Wait until the app has rendered (after a load or a reload) and its core (the Go runtime's
 * wasm, loaded after the first render) is ready: the steps work. */
export async function appReady(page) {
  await page.getByTestId('app').waitFor({ timeout: LOAD_TIMEOUT });
  await page.locator('[data-testid="app"][data-core="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
}

/** Load `relativeUrl` in `page` afresh (a new document, not a hash change). */
export async function reopen(page, relativeUrl) {
  await page.goto(urlOf(relativeUrl));
  await page.reload();
  await appReady(page);
}

export function screenshot(page, name) {
  return page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Where the README's screenshots go: `docs/screenshots/` only when asked for with
 * `RACEMAP_README_SCREENSHOTS=1` (a test run never rewrites the committed images), else
 * `artifacts/` with the other screenshots.
 */
const README_SCREENSHOTS =
  process.env.RACEMAP_README_SCREENSHOTS === '1' ? path.join(here, '../../docs/screenshots') : ARTIFACTS;

/** A screenshot of `target` (a page or an element) for the README, as `NAME.png`. */
export async function readmeScreenshot(target, name) {
  await mkdir(README_SCREENSHOTS, { recursive: true });
  return target.screenshot({ path: path.join(README_SCREENSHOTS, `${name}.png`) });
}

export const button = (page, name) => page.getByRole('button', { name, exact: true });
export const region = (page, name) => page.getByRole('region', { name, exact: true });
export const consoleText = (page) => region(page, 'Console').innerText();

/** The step counter shown next to the controls. */
export async function currentStep(page) {
  const text = await page.getByLabel('Current step').innerText();
  return Number(text.replace('step ', ''));
}

/**
 * Wait until the page's DOM has stopped changing: no mutation during three turns of its event
 * loop (an animation frame, then a timer). yew renders a change in slices of ~16 ms and lets
 * the browser run between slices, so on a slow build the counter can already show a step whose
 * panels are still being drawn; reading the page after `quiet` reads one consistent view.
 */
export function quiet(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let changed = false;
        const observer = new MutationObserver(() => {
          changed = true;
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const turn = (calm) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              if (changed) {
                changed = false;
                turn(0);
              } else if (calm >= 2) {
                observer.disconnect();
                resolve();
              } else {
                turn(calm + 1);
              }
            }),
          );
        turn(0);
      }),
  );
}

/** Wait until the step counter shows `n` and the page has drawn that step (see `quiet`). */
export async function untilStep(page, n) {
  await page.waitForFunction(
    (n) => document.querySelector('[aria-label="Current step"]')?.textContent === `step ${n}`,
    n,
  );
  await quiet(page);
}

/** Press Step and wait for the counter to move, `times` times. */
export async function step(page, times = 1) {
  for (let i = 0; i < times; i++) {
    const before = await currentStep(page);
    await button(page, 'Step').click();
    await untilStep(page, before + 1);
  }
}

/** Click `control` (a locator) and wait for the step counter to reach `n`. */
export async function clickToStep(page, control, n) {
  await control.click();
  await untilStep(page, n);
}

/** Press Step until `found()` resolves truthy (checked after each step) or the run ends; the last value of `found()`. */
export async function stepUntil(page, found) {
  let value;
  while (!value && !(await button(page, 'Step').isDisabled())) {
    await step(page);
    value = await found();
  }
  return value;
}

/**
 * Let the page's event loop run everything already queued, timers due within `ms` included:
 * resolves from a page timer of `ms` set now, which fires after every earlier-due timer (a
 * Play interval, a yew render that yielded). Used to check that something does NOT happen —
 * however slow the machine, a timer due earlier has had its turn.
 */
export function settle(page, ms = 0) {
  return page.evaluate(
    (ms) => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, ms))),
    ms,
  );
}

/** Run "Find a bug" and wait for the finished search's summary. */
export async function findBug(page) {
  await button(page, 'Find a bug').click();
  const summary = region(page, 'Outcomes').locator('.outcome-summary');
  await summary
    .filter({ hasText: /^(Every interleaving covered|Limit reached|Stopped by you)/ })
    .waitFor({ timeout: SEARCH_TIMEOUT });
  return summary.innerText();
}

/**
 * Whether the element's box is inside every scrolling box around it and (unless `window` is
 * false) inside the window.
 */
export function inView(locator, { window = true } = {}) {
  return locator.evaluate((element, window) => {
    const r = element.getBoundingClientRect();
    if (r.height === 0) return false;
    // (1 px of slack: layout positions are fractional.)
    if (window && (r.top < -1 || r.bottom > innerHeight + 1 || r.left < -1 || r.right > innerWidth + 1)) return false;
    for (let box = element.parentElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (!/(auto|scroll|hidden)/.test(style.overflowY + style.overflowX)) continue;
      const b = box.getBoundingClientRect();
      if (r.top < b.top - 1 || r.bottom > b.bottom + 1) return false;
    }
    return true;
  }, window);
}
