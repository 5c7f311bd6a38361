// Launch Debian's Chromium headless through playwright-core (which never downloads a browser),
// with a fresh profile directory, and collect every console error, page error and failed
// request of a page so tests can assert there are none.

import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.RACEMAP_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Start Chromium with a fresh `--user-data-dir` (Playwright passes it from the directory given
 * to `launchPersistentContext`; it refuses the flag in `args`). Resolves to `{ context, close }`.
 */
export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'racemap-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A new page whose `problems` array collects console errors, page errors and HTTP failures. */
export async function newWatchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A request the page itself cancelled by navigating (a test's reload while the favicon still
  // loads: Chromium fetches it after the load event, so whether it is still in flight depends
  // on the machine's speed) fails with net::ERR_ABORTED; that is not a problem of the page.
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${error})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}
