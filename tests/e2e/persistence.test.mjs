// End-to-end: nothing is lost. Edits survive a reload; two pages on one project never
// silently overwrite each other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, watchedPage } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const placed = async (page) => Number(await page.getByTestId('items-placed').textContent());
const saved = (page) => page.getByTestId('save-state').filter({ hasText: /Saved at/ }).waitFor();

async function addElevator(page, stairwell) {
  await page.locator(`[data-stairwell="${stairwell}"] rect`).click();
  await page.locator('.palette button[data-item="elevator"]').click();
}

test('edits survive a reload, with the scenario', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const errors = [];
  const page = await watchedPage(context, errors);
  await page.goto(srv.url);
  const before = await placed(page);
  await addElevator(page, 22);
  await saved(page);
  await page.reload();
  await page.locator('svg.site-plan').waitFor();
  assert.equal(await placed(page), before + 1);
  assert.equal(await page.locator('.badge[data-item="elevator"]').count(), 3);
  await saved(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two pages on one project: the second save is stopped, not lost, and can be kept', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const errors = [];
  const a = await watchedPage(context, errors);
  await a.goto(srv.url);
  await addElevator(a, 22);
  await saved(a);
  // Page B opens the same project (revision 1), page A goes on editing (revision 2).
  const b = await watchedPage(context, errors);
  await b.goto(srv.url);
  await b.locator('svg.site-plan').waitFor();
  await addElevator(a, 23);
  await saved(a);
  // B is warned at once (storage event) and does not save over A's work.
  await b.getByTestId('save-banner').waitFor();
  await addElevator(b, 31);
  await b.waitForTimeout(800);
  const c = await watchedPage(context, errors);
  await c.goto(srv.url);
  await c.locator('svg.site-plan').waitFor();
  assert.equal(await c.locator('.badge[data-item="elevator"]').count(), 4, "A's two elevators are saved");
  assert.equal(await c.locator('[data-stairwell="31"]').count(), 1);
  assert.equal(await c.locator('.badge[data-item="elevator"][data-target="stairwell:31"]').count(), 0, "B did not overwrite");
  // B keeps its version as a new project.
  await b.getByRole('button', { name: "Keep this window's as a new plan" }).click();
  await saved(b);
  const projects = await b.evaluate(() => JSON.parse(localStorage.getItem('rp.projects')).length);
  assert.equal(projects, 2);
  assert.deepEqual(errors, []);
  await context.close();
});
