// End-to-end: the engine at scale runs in its Web Worker. On a 1,000-item community the
// optimiser runs while the user types (every keystroke shows at once, the page's thread never
// frozen), can be cancelled (nothing changes), and its answer arrives. On the 1,521-item
// community the comparison page opens without freezing the page's thread, and shows its
// figures at once when visited again.
//
// "Frozen" here is a task of FREEZE_MS or more: before the worker these were tasks of 27 s and
// 40 s. The speed goals themselves (no task of 50 ms, a keystroke painted within a frame) are
// measured by scripts/bench and written to BENCHMARKS.md, not asserted here: this host and CI's
// are noisy, and a test that fails on a busy machine proves nothing about the code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openSaved } from './browser.mjs';
import { largePlan } from '../../scripts/bench-lib/plans.mjs';

const DIST = process.env.DIST ?? 'dist';
let srv, browser;
before(async () => { srv = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** The app opened on `plan` as a saved project, with long tasks recorded from now on. */
async function openWith(plan) {
  const opened = await openSaved(browser, srv.url, plan, { viewport: { width: 1280, height: 900 } });
  assert.equal(Number(await opened.page.getByTestId('items-placed').textContent()), plan.scenarios[0].items.length);
  return opened;
}

/** A task this long means the page's thread was blocked by the engine's work. */
const FREEZE_MS = 200;

/** Starts recording the page thread's tasks of FREEZE_MS or more. */
const watchLongTasks = (page) => page.evaluate((freeze) => {
  window.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.duration >= freeze) window.__long.push(Math.round(e.duration));
  }).observe({ type: 'longtask' });
}, FREEZE_MS);
const longTasks = (page) => page.evaluate(() => window.__long);

test('a 1,000-item optimise runs in the worker: typing stays instant, cancel works, the answer arrives', async () => {
  const { context, page, errors } = await openWith(largePlan(1000));
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
  const budget = page.getByRole('textbox', { name: 'Budget' });
  await budget.fill('900000');
  await budget.press('Enter');
  // The new budget's figures and charts come from the worker and are drawn on the page's
  // thread (a chart of a 1,000-item plan takes tens of ms): let that settle first, so that
  // what is timed below is the optimiser alone.
  await page.locator('.compare-page[aria-busy="false"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(300);
  const scenarios = page.locator('[data-testid="scenario-select"] option');
  const before = await scenarios.count();
  const run = page.getByRole('button', { name: 'Optimise under a budget' }).last();

  // Cancel: the run stops, the plan keeps its scenarios.
  await run.click();
  await page.getByTestId('opt-running').waitFor();
  await page.getByRole('button', { name: 'Cancel optimisation' }).click();
  await page.getByTestId('opt-cancelled').waitFor();
  assert.equal(await page.getByTestId('opt-running').count(), 0);

  // Run again and type while it runs: each keystroke is on screen by the next frame.
  await watchLongTasks(page);
  await run.click();
  await page.getByTestId('opt-running').waitFor();
  // Real key presses into the page's budget field, each timed from keydown to after the
  // next paint (an animation frame, then a task).
  await page.evaluate(() => {
    window.__lat = [];
    window.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        c.port2.postMessage(0);
      });
    }, true);
  });
  await budget.fill('');
  await budget.pressSequentially('123456789', { delay: 40 });
  const typed = await page.evaluate(() => ({
    lat: window.__lat.map(Math.round),
    value: document.querySelector('#opt-budget').value,
    stillRunning: !!document.querySelector('[data-testid="opt-running"]'),
  }));
  assert.equal(typed.value.replace(/[^0-9]/g, ''), '123456789', 'the field shows what was typed');
  assert.ok(typed.stillRunning, 'the optimiser was still running after the typing');
  assert.ok(Math.max(...typed.lat) < FREEZE_MS, `every keystroke painted within ${FREEZE_MS} ms: ${typed.lat}`);
  const during = await longTasks(page);
  // The answer arrives and becomes a scenario.
  await page.getByTestId('opt-result').waitFor({ timeout: 120_000 });
  await page.getByTestId('opt-running').waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('opt-proof').textContent(), /^(Proven optimal|Best found)/);
  assert.equal(await scenarios.count(), before + 1, 'one new scenario: the cancelled run added none');
  assert.deepEqual(during, [], `the page's thread never frozen while the optimiser ran: ${during}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Compare on the 1,521-item community: the page never frozen, and its figures at once when visited again', async () => {
  const { context, page, errors } = await openWith(largePlan());
  await page.waitForTimeout(500);
  await watchLongTasks(page);
  const t0 = Date.now();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
  const figures = Date.now() - t0;
  // The charts follow from the worker.
  await page.getByRole('img', { name: 'Value for money' }).waitFor({ timeout: 180_000 });
  // Before the worker: one task of 40 s. Now the page's own work is split: the switch of
  // page (no forced layout of the hidden plan), the table, then each chart after a paint.
  const long = await longTasks(page);
  assert.deepEqual(long, [], `no task of ${FREEZE_MS} ms or more while Compare opened (figures after ${figures} ms): ${long}`);
  await page.getByRole('tab', { name: 'Site plan' }).click();
  await page.locator('svg.site-plan').waitFor();
  await page.getByRole('tab', { name: 'Compare' }).click();
  const atOnce = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r({
    table: !!document.querySelector('[data-testid="compare-table"]'),
    progress: !!document.querySelector('[data-testid="compare-progress"], [data-testid="charts-progress"]'),
  }))));
  assert.deepEqual(atOnce, { table: true, progress: false }, 'kept figures and charts show in the first frame');
  assert.deepEqual(errors, []);
  await context.close();
});
