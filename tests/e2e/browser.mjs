// Launches Debian's Chromium through playwright-core with the flags these machines need
// (as root: no sandbox; no background networking, which the closed network refuses).
import { chromium } from 'playwright-core';
import { storage as savedStorage } from '../../scripts/bench-lib/plans.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page that records every page error and console error into `errors`. */
export async function watchedPage(context, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  // A request the page itself abandoned (a reload while the engine worker's wasm was still
  // loading after the first paint) is not an error; any other failed request is.
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (why !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${r.url()} ${why}`);
  });
  return page;
}

/**
 * A new context (locale, viewport and any other context options) with a watched page open on
 * the app at `url`, once the site plan is drawn.
 */
export async function openApp(browser, url, { locale = 'en-US', viewport = { width: 1280, height: 800 }, ...options } = {}) {
  const context = await browser.newContext({ locale, viewport, ...options });
  const errors = [];
  const page = await watchedPage(context, errors);
  await page.goto(url);
  await page.locator('svg.site-plan').waitFor();
  return { context, page, errors };
}

/**
 * A new context with `plan` saved in the browser's storage as the project "bench" (see
 * scripts/bench-lib/plans.mjs), and a watched page open on it once the site plan is drawn.
 */
export async function openSaved(browser, url, plan, { locale = 'en-US', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  await context.addInitScript(([record, list]) => {
    if (!localStorage.getItem('rp.current')) {
      localStorage.setItem('rp.project.bench', record);
      localStorage.setItem('rp.projects', list);
      localStorage.setItem('rp.current', JSON.stringify({ project: 'bench', scenario: 1 }));
    }
  }, savedStorage(plan));
  const errors = [];
  const page = await watchedPage(context, errors);
  await page.goto(url);
  await page.locator('svg.site-plan').waitFor();
  return { context, page, errors };
}

/** Everything the app keeps in localStorage. */
export const storage = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** localStorage once the app has stopped writing to it: the plan view is remembered 300 ms
 *  after it last changed (and a newly opened project changes it), so a snapshot taken at once
 *  can miss that write. Read until two readings 500 ms apart agree. */
export async function settledStorage(page) {
  let last = await storage(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(500);
    const now = await storage(page);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error('localStorage kept changing for 10 s');
}
