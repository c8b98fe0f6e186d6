// Screenshots of every page, in Chinese and English, at desktop and phone width, from the
// built dist/: `node scripts/screenshots.mjs [page…]` → target/screenshots/PAGE-LANG-DEVICE.png.
// Pages: plan compare residents myshare annual projects report (default: all); myshare is the
// "what my household pays" panel for the sixth-floor door of the first stairwell.
import { mkdirSync } from 'node:fs';
import { serve } from '../tests/e2e/server.mjs';
import { launch, watchedPage } from '../tests/e2e/browser.mjs';

const OUT = 'target/screenshots';
mkdirSync(OUT, { recursive: true });
const TABS = { plan: 0, compare: 1, residents: 2, annual: 3, projects: 4 };
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['plan', 'compare', 'residents', 'myshare', 'annual', 'projects', 'report'];
const srv = await serve(process.env.DIST ?? 'dist');
const browser = await launch();
const devices = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
for (const [device, viewport] of Object.entries(devices)) {
  for (const locale of ['zh-CN', 'en-US']) {
    const context = await browser.newContext({ locale, viewport, deviceScaleFactor: device === 'phone' ? 2 : 1, hasTouch: device === 'phone' });
    const errors = [];
    const page = await watchedPage(context, errors);
    await page.goto(srv.url);
    await page.locator('svg.site-plan').waitFor();
    for (const name of pages) {
      if (name === 'myshare') {
        await page.locator('.page-nav [role=tab]').nth(TABS.residents).click();
        const door = page.getByTestId('my-share-household');
        const value = await door.locator('option').filter({ hasText: /^601/ }).getAttribute('value');
        await door.selectOption(value);
        await page.waitForTimeout(300);
        const file = `${OUT}/${name}-${locale.slice(0, 2)}-${device}.png`;
        await page.getByTestId('my-share').screenshot({ path: file });
        console.log(file);
        continue;
      }
      if (name === 'report') {
        await page.locator('.page-nav [role=tab]').nth(TABS.projects).click();
        await page.getByRole('button', { name: /查看公示报告|Open the report/ }).click();
        await page.getByTestId('report').waitFor();
      } else {
        await page.locator('.page-nav [role=tab]').nth(TABS[name]).click();
      }
      await page.waitForTimeout(300);
      const file = `${OUT}/${name}-${locale.slice(0, 2)}-${device}.png`;
      await page.screenshot({ path: file, fullPage: name === 'report' || name === 'projects' });
      console.log(file);
    }
    if (errors.length) console.log('errors:', errors);
    await context.close();
  }
}
await browser.close();
srv.server.close();
