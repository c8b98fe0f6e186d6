// End-to-end: scenarios compared (the difference in totals equals the cost of the differing
// items), the optimiser under a budget (a scenario within it, reasons for what is left out),
// and a CSV of survey tallies with one bad row (its error shown, the good rows applied).
// User text with markup is shown literally. A long list of what changes starts folded under its
// heading and count, and shows its lines when opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, openApp, openSaved } from './browser.mjs';
import { benchPlan } from '../../scripts/bench-lib/plans.mjs';

const DIST = process.env.DIST ?? 'dist';
const SHOTS = 'target/screenshots';
let srv, browser;
before(async () => { mkdirSync(SHOTS, { recursive: true }); srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const open = (locale = 'en-US', viewport = { width: 1280, height: 900 }) => openApp(browser, srv.url, { locale, viewport });
const yuan = (s) => Number(s.replace(/[^0-9-]/g, ''));

test('two scenarios compared: the difference is the differing items', async () => {
  const { context, page, errors } = await open();
  // Copy the comprehensive scenario, then take the elderly station out of the copy.
  await page.getByRole('button', { name: 'Duplicate scenario' }).click();
  const copy = await page.getByTestId('scenario-select').inputValue();
  assert.equal(copy, '3');
  await page.locator('.badge[data-item="elderly_service_station"]').first().click({ force: true });
  await page.keyboard.press('Delete');
  // Rename it with markup in the name: it must show literally.
  await page.getByRole('button', { name: 'Rename scenario' }).click();
  await page.locator('#scenario-name').fill('<b>No station</b>');
  await page.locator('#scenario-name').press('Enter');
  await page.getByRole('tab', { name: 'Compare' }).click();
  const table = page.getByTestId('compare-table');
  await table.waitFor();
  // Compare the original (1) with the copy: pick only those two.
  const boxes = page.locator('.pick input');
  if (await boxes.nth(1).isChecked()) await boxes.nth(1).uncheck();
  const diff = yuan(await page.getByTestId('difference').textContent());
  // Elderly service station: 200 m² × 3 500 × 1.15 = 805 000.
  assert.equal(diff, -805000);
  assert.ok(await page.getByText('Only in 综合方案(基础类+加装电梯+养老)').isVisible());
  assert.equal(await page.locator('.compare thead th').nth(2).textContent(), '<b>No station</b>');
  assert.equal(await page.locator('.compare thead b').count(), 0, 'no markup from user text');
  await page.screenshot({ path: `${SHOTS}/compare-en-desktop.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long list of what changes starts folded and opens to show every line', async () => {
  const { context, page, errors } = await openSaved(browser, srv.url, benchPlan(), { viewport: { width: 390, height: 844 } });
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('difference').waitFor({ timeout: 60_000 });
  const fold = page.locator('details.change-list').first();
  const summary = fold.locator('summary');
  const n = Number((await summary.textContent()).match(/\((\d+) items?\)/)[1]);
  assert.ok(n > 8, `the 205-item plan's first list is long (${n})`);
  assert.equal(await fold.getAttribute('open'), null, 'a long list starts folded');
  assert.equal(await fold.locator('li').count(), 0, 'its lines are not in the page while folded');
  await summary.click();
  await fold.locator('li').first().waitFor();
  assert.equal(await fold.locator('li').count(), n, 'opened, it shows as many lines as its count says');
  await summary.click();
  await fold.locator('li').first().waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the optimiser makes a scenario within the budget and says why items were left out', async () => {
  const { context, page, errors } = await open();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.locator('#opt-budget').fill('2500000');
  await page.locator('#opt-budget').press('Enter');
  await page.getByRole('button', { name: 'Optimise under a budget' }).last().click();
  await page.getByTestId('opt-result').waitFor();
  // It says whether the selection is proven optimal (the demo's is).
  assert.match(await page.getByTestId('opt-proof').textContent(), /^Proven optimal/);
  const name = await page.locator('[data-testid="scenario-select"] option:checked').textContent();
  assert.match(name, /^Optimised/);
  // The new scenario's total is within the budget.
  await page.getByRole('tab', { name: 'Site plan' }).click();
  const total = yuan(await page.getByTestId('total-likely').textContent());
  assert.ok(total <= 2500000 && total > 0, `total ${total}`);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const reasons = page.locator('.opt-result .reasons li');
  assert.ok(await reasons.count() >= 1);
  assert.match(await reasons.first().textContent(), /over the budget left by|lower priority per yuan|livelihood first/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV of tallies with one bad row: the error is shown and the good rows applied', async () => {
  const { context, page, errors } = await open('zh-CN');
  await page.getByRole('tab', { name: '居民意见' }).click();
  await page.getByRole('tab', { name: '从 CSV 导入意见统计' }).click();
  const csv = 'target/tallies.csv';
  writeFileSync(csv, '\ufeff项目,位置,支持,反对,无意见\r\n加装电梯,1号楼 1单元,10,1,1\r\n加装电梯,主路,5,1,0\r\n道路罩面,主路,120,10,30\r\n');
  await page.getByTestId('csv-input').setInputFiles(csv);
  const bad = page.getByTestId('row-error');
  await bad.waitFor();
  assert.equal(await bad.count(), 1);
  assert.equal(await bad.textContent(), '“加装电梯”不能放在“主路”');
  await page.getByRole('button', { name: /导入有效的行 \(2\)/ }).click();
  assert.equal(await page.getByTestId('csv-imported').textContent(), '已导入 2 行,1 行有问题未导入');
  // The elevator of 1号楼 1单元 now has its tallies.
  await page.getByRole('tab', { name: '表决与意见' }).click();
  await page.getByRole('button', { name: /加装电梯 · 1号楼 1单元/ }).click();
  assert.equal(await page.locator('#tally-support').inputValue(), '10');
  assert.equal(await page.locator('#tally-oppose').inputValue(), '1');
  await page.screenshot({ path: `${SHOTS}/residents-zh-desktop.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('"what my household pays": the total is its lines added up, the same as in the report; the ground floor pays no elevator', async () => {
  const { context, page, errors } = await open('zh-CN');
  await page.getByRole('tab', { name: '居民意见' }).click();
  const panel = page.getByTestId('my-share');
  const door = page.getByTestId('my-share-household');
  const pickDoor = async (room) => door.selectOption(await door.locator('option').filter({ hasText: new RegExp(`^${room}`) }).getAttribute('value'));
  // 1号楼 1单元 has an added elevator: door 601 pays the largest share of it.
  await page.getByTestId('my-share-stairwell').selectOption({ label: '1号楼 1单元' });
  await pickDoor('601');
  await panel.getByText('加装电梯 · 1号楼 1单元').waitFor();
  const total = await page.getByTestId('my-share-total').textContent();
  assert.match(total, /^1号楼 1单元 601:¥[\d,]+\.\d\d$/);
  const amounts = await panel.locator('[data-testid=my-share-line] strong').allTextContents();
  assert.ok(amounts.length >= 2, amounts.join(' '));
  const fen = (s) => Math.round(Number(s.replace(/[^0-9.-]/g, '')) * 100);
  const sum = amounts.reduce((a, s) => a + fen(s), 0);
  assert.equal(sum, fen(total.split(':')[1]));
  assert.match(await page.getByTestId('my-share-sum').textContent(), new RegExp(`= ${total.split(':')[1].replace(/[$.]/g, '\\$&')}$`));
  const elevator601 = fen(amounts[0]);
  // The ground floor: the elevator line is there and is zero; the total is smaller.
  await pickDoor('101');
  await page.waitForFunction(() => document.querySelector('[data-testid=my-share-total]').textContent.includes(' 101:'));
  const ground = await panel.locator('[data-testid=my-share-line]').filter({ hasText: '加装电梯' }).locator('strong').textContent();
  assert.equal(fen(ground), 0);
  assert.ok(elevator601 > 0);
  // The report shows the same total for door 601.
  await page.getByRole('tab', { name: '项目与文件' }).click();
  await page.getByRole('button', { name: /查看公示报告/ }).click();
  const row = page.getByTestId('household-grid').locator('li').filter({ hasText: /^1号楼 1单元 601/ });
  assert.equal(await row.locator('strong').textContent(), total.split(':')[1]);
  assert.deepEqual(errors, []);
  await context.close();
});
