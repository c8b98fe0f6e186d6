// Launches Debian's Chromium through playwright-core with the flags these machines need
// (as root: no sandbox; no background networking, which the closed network refuses).
import { chromium } from 'playwright-core';

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
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
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
