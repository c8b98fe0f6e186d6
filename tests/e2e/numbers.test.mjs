// End-to-end: numbers that cannot lie (issue 12), one test per problem seen: totals beyond
// the money limits refused (never wrapped around), values out of their range refused as
// you type or on import, outlines from CAD and GIS tools normalised and said so, unknown
// fields kept and written back, keys written twice named, refusals that name the thing as
// people call it in their own language (one error per cause), and no SVG error on a blank
// community's Compare page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, openApp, storage, settledStorage } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const open = (locale = 'zh-CN') => openApp(browser, srv.url, { locale, viewport: { width: 1280, height: 800 } });
const tab = (page, name) => page.locator('.page-nav').getByRole('tab', { name }).click();
const importFile = async (page, dir, name) => {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: readFileSync(`tests/fixtures/${dir}/${name}`) });
};
const refusalOf = async (page, name) => {
  const box = page.getByTestId('import-error').filter({ hasText: name });
  await box.waitFor();
  return box.locator('pre.messages').textContent();
};

test('1. a total beyond the money limits is refused, in a file and in an edit, never wrapped around', async () => {
  const { context, page, errors } = await open();
  const total = await page.getByTestId('total-likely').textContent();
  await tab(page, '项目与文件');
  await importFile(page, 'bad', '21-line-too-large.json');
  const text = await refusalOf(page, '21-line-too-large.json');
  assert.match(text, /方案「综合方案\(基础类\+加装电梯\+养老\)」 加装电梯:工程量 × 单价超过单项上限 ¥1000\.00亿/);
  // Typing a billion elevators on the plan is refused too, and the total stays.
  await tab(page, '平面图');
  await page.locator('.badge[data-item="elevator"]').first().click();
  await page.locator('#prop-qty').fill('1000000000');
  await page.locator('#prop-qty').press('Enter');
  assert.match(await page.getByTestId('notice').textContent(), /超过单项上限/);
  assert.equal(await page.getByTestId('total-likely').textContent(), total);
  assert.deepEqual(errors, []);
  await context.close();
});

test('2. negative caps, impossible tallies and a start year of 65535 are refused; a tally over the households is refused as typed', async () => {
  const { context, page, errors } = await open();
  await tab(page, '项目与文件');
  const before = await settledStorage(page);
  const want = {
    '22-negative-cap.json': /资金设置:每户出资上限 -¥100 不在 ¥0–/,
    '23-negative-subsidy-cap.json': /资金设置:金额上限 -¥15\.0万 不在 ¥0–/,
    '24-tally-over-households.json': /问卷统计:共 4294967295 份意见,多于有权表态的 160 户/,
    '25-start-year-65535.json': /年度计划:起始年份 65535 不在 1900–2100 之间/,
  };
  for (const [name, re] of Object.entries(want)) {
    await importFile(page, 'bad', name);
    assert.match(await refusalOf(page, name), re, name);
  }
  assert.deepEqual(await storage(page), before, 'nothing stored');
  // As typed: the support tally of a matter cannot exceed the community's 160 households.
  await tab(page, '居民意见');
  await page.getByRole('tab', { name: '表决与意见' }).click();
  const support = page.locator('#tally-support');
  await support.fill('4294967296');
  assert.equal(await support.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#tally-support-err').textContent(), '须在 0–160 之间');
  await support.press('Enter');
  assert.equal(await page.getByTestId('save-state').textContent(), '示例(修改后自动保存)', 'nothing was changed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('3. a closed ring and a doubled corner from CAD are fixed on import, and said so', async () => {
  const { context, page, errors } = await open();
  await tab(page, '项目与文件');
  await importFile(page, 'tolerated', 'closed-ring.json');
  const msg = page.getByTestId('projects-message');
  await msg.filter({ hasText: '已导入' }).waitFor();
  assert.match(await msg.textContent(), /1号楼:楼栋轮廓末尾重复了起点\(闭合环\),已去掉重复的点/);
  await importFile(page, 'tolerated', 'doubled-corner.json');
  await msg.filter({ hasText: '连续重复的点' }).waitFor();
  assert.match(await msg.textContent(), /西一支路:轮廓有 1 个连续重复的点,已合并/);
  assert.equal(await page.getByTestId('import-error').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('4. fields this version does not know are listed, kept, and written back on export', async () => {
  const { context, page, errors } = await open('en-US');
  await tab(page, 'Projects & files');
  await importFile(page, 'tolerated', 'unknown-fields.json');
  const msg = page.getByTestId('projects-message');
  await msg.filter({ hasText: 'Imported' }).waitFor();
  const text = await msg.textContent();
  assert.match(text, /Building 4: this version does not know “gis_id”; it is kept as it is/);
  assert.match(text, /x_survey_round/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-file').click()]);
  const out = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(out.community.buildings[3].gis_id, 'NY-0417');
  assert.equal(out.x_survey_round, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('5. a key written twice is named as such', async () => {
  const { context, page, errors } = await open();
  await tab(page, '项目与文件');
  await importFile(page, 'bad', '26-duplicate-key.json');
  const text = await refusalOf(page, '26-duplicate-key.json');
  assert.match(text, /1号楼:“floors”在同一处写了两次/);
  assert.doesNotMatch(text, /顶层应为对象/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('6. refusals name the thing as people call it, in their language, path second, one error per cause', async () => {
  const { context, page, errors } = await open();
  await tab(page, '项目与文件');
  await importFile(page, 'bad', '27-area-as-text.json');
  const text = await refusalOf(page, '27-area-as-text.json');
  assert.match(text, /^2号楼 1单元 202室:面积应为数字,文件里是文字 "88\.6"\(位置:community\.buildings\[1\]\.stairwells\[0\]\.households\[3\]\.area_m2\)$/);
  assert.doesNotMatch(text, /invalid|expected|f64/);
  await importFile(page, 'bad', '28-one-storey.json');
  const one = await refusalOf(page, '28-one-storey.json');
  assert.equal(one.trim().split('\n').length, 1, `one error: ${one}`);
  assert.match(one, /3号楼:共 1 层,但有 16 户在更高的楼层\(最高 5 层\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('7. a blank community\'s Compare page draws without an SVG error', async () => {
  const { context, page, errors } = await open('en-US');
  await tab(page, 'Projects & files');
  await page.getByTestId('new-blank').click();
  await tab(page, 'Compare');
  await page.getByTestId('compare-table').waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(errors, [], 'no console error (a negative rect width)');
  await context.close();
});
