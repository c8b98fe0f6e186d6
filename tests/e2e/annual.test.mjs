// End-to-end: the annual plan and the bill of quantities, on the page and as CSV files that
// open in Excel (UTF-8 with BOM, plain numbers, the unit in its own column); every item of the
// demo's comprehensive scenario is scheduled and the files add up to its total.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, openApp } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

// RFC 4180: quoted cells may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\n') { rows.at(-1).push(cell.replace(/\r$/, '')); cell = ''; rows.push([]); }
    else cell += c;
  }
  if (cell !== '' || rows.at(-1).length) rows.at(-1).push(cell); else rows.pop();
  return rows;
}

async function download(page, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const bytes = readFileSync(await d.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, for Excel');
  return { file: d.suggestedFilename(), rows: parseCsv(bytes.subarray(3).toString('utf8')) };
}

test('annual plan and bill of quantities: on the page with units, and as CSV that adds up', async () => {
  const { context, page, errors } = await openApp(browser, srv.url, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const total = Number((await page.getByTestId('total-likely').textContent()).replace(/[^0-9]/g, ''));
  assert.equal(total, 4061892);
  await page.getByRole('tab', { name: 'Annual plan' }).click();
  await page.locator('#years-n').fill('3');
  await page.locator('#years-n').press('Tab');
  await page.locator('#years-budget').fill('2000000');
  await page.locator('#years-budget').press('Tab');
  await page.getByTestId('annual-table').locator('tbody tr').nth(2).waitFor();
  assert.equal(await page.getByTestId('annual-table').locator('tbody tr').count(), 3);

  // The bill of quantities: English units in the plural where the count is not one.
  const boq = page.getByTestId('boq');
  const qty = (name) => boq.locator('tbody tr').filter({ hasText: name }).first().locator('td').nth(2).textContent();
  assert.equal(await qty('Safety hazard fix'), '6 buildings');
  assert.equal(await qty('Added elevator'), '1 elevator');
  assert.equal(await qty('Water supply pipes'), '160 households');
  assert.match(await qty('Facade repair'), /^\d{1,3}(,\d{3})*(\.\d\d)? m²$/);

  // The annual plan as CSV: a row per item and year; the years add up to the total.
  const annual = await download(page, /Export CSV.*Annual renovation plan/);
  assert.match(annual.file, /\.csv$/);
  assert.deepEqual(annual.rows[0], ['Year', 'Name', 'Target', 'Likely']);
  const years = new Set(annual.rows.slice(1).map((r) => r[0]));
  assert.deepEqual([...years], ['2027', '2028', '2029']);
  const annualSum = annual.rows.slice(1).reduce((a, r) => a + Math.round(Number(r[3]) * 100), 0);
  assert.equal(annualSum, total * 100);

  // The bill of quantities as CSV: plain numbers, the unit in a column of its own, the total last.
  const bill = await download(page, /Export CSV.*Bill of quantities/);
  assert.deepEqual(bill.rows[0], ['Name', 'Target', 'Quantity', 'Unit', 'Unit price', 'Low', 'Likely', 'High']);
  const elevator = bill.rows.find((r) => r[0] === 'Added elevator');
  assert.deepEqual(elevator.slice(2, 4), ['1', 'elevator']);
  for (const r of bill.rows.slice(1, -1)) assert.ok(Number.isFinite(Number(r[2])) && r[3] !== '', r.join('|'));
  const last = bill.rows.at(-1);
  assert.equal(last[0], 'Total');
  assert.equal(Math.round(Number(last[6]) * 100), total * 100);
  const lineSum = bill.rows.slice(1, -1).reduce((a, r) => a + Math.round(Number(r[6]) * 100), 0);
  assert.equal(lineSum, total * 100);
  assert.deepEqual(errors, []);
  await context.close();
});
