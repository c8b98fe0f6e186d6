// End-to-end: the built app opens on the demo community, draws its buildings, and switches
// language. Any page error or console error fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, openApp } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const SHOTS = 'target/screenshots';
const demo = JSON.parse(readFileSync('static/demo.json', 'utf8'));
let srv, browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // E2E_URL tests a running server (scripts/serve) instead of serving dist/ here.
  srv = process.env.E2E_URL ? { url: process.env.E2E_URL, server: { close() {} } } : await serve(DIST);
  browser = await launch();
});
after(async () => { await browser?.close(); srv?.server.close(); });

const open = (locale, viewport) => openApp(browser, srv.url, { locale, viewport });

test('opens on the demo community with its buildings on the plan', async () => {
  const { context, page, errors } = await open('zh-CN');
  await assert.doesNotReject(page.getByText(demo.community.name).first().waitFor());
  const plan = page.getByRole('application', { name: new RegExp(demo.community.name) });
  assert.equal(await plan.count(), 1);
  for (const b of demo.community.buildings) {
    const label = page.locator('svg.site-plan .building-label', { hasText: b.name });
    assert.equal(await label.count(), 1, `building ${b.name} is drawn`);
    assert.equal(await page.locator(`[data-building="${b.id}"] .stairwell`).count(), b.stairwells.length);
  }
  await page.screenshot({ path: `${SHOTS}/shell-zh-desktop.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language switch changes the title to English and back, and is remembered', async () => {
  const { context, page, errors } = await open('zh-CN');
  const h1 = page.getByRole('heading', { level: 1 });
  assert.equal(await h1.textContent(), '老旧小区改造规划');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await h1.textContent(), 'Renovation Planner');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.screenshot({ path: `${SHOTS}/shell-en-desktop.png` });
  await page.reload();
  await page.locator('svg.site-plan').waitFor();
  assert.equal(await h1.textContent(), 'Renovation Planner', 'remembered across reloads');
  await page.getByRole('button', { name: '中文' }).click();
  assert.equal(await h1.textContent(), '老旧小区改造规划');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English browser starts in English; the phone layout shows plan and summary', async () => {
  const { context, page, errors } = await open('en-US', { width: 390, height: 844 });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Renovation Planner');
  assert.ok(await page.locator('svg.site-plan').isVisible(), 'the plan is visible');
  await page.getByRole('tab', { name: 'Summary' }).click();
  assert.ok(await page.getByRole('heading', { name: 'Summary' }).isVisible());
  await page.screenshot({ path: `${SHOTS}/shell-en-phone.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
