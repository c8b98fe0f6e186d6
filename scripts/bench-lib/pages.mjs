// Pages at scale (headless Chromium, desktop 1280×800, the release build in dist/): opening
// the Compare page on the 205-item benchmark plan and on the 1,521-item community, until its
// figures show and until its charts show (they come from the engine's Web Worker), the long
// tasks (≥ 50 ms) on the page's thread meanwhile, and a second visit; then a 1,000-item
// optimisation with the page's thread watched. Writes the "pages" section of BENCHMARKS.md.
import { serve } from '../../tests/e2e/server.mjs';
import { launch, openSaved } from '../../tests/e2e/browser.mjs';
import { benchPlan, largePlan } from './plans.mjs';
import { writeSection } from './markdown.mjs';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const srv = await serve('dist');
const browser = await launch();

async function open(plan) {
  const { context, page } = await openSaved(browser, srv.url, plan, { locale: 'zh-CN' });
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  return { context, page };
}

// In the page: from the click on the tab to after the paint of the first frame that holds
// each selector (an animation frame, then a task), in ms.
const arm = (page, selectors) => page.evaluate((sels) => {
  window.__times = {};
  const tab = [...document.querySelectorAll('[role="tab"]')].find((b) => b.textContent.trim() === '比较方案');
  tab.addEventListener('click', () => {
    const t0 = performance.now();
    const check = () => {
      for (const s of sels) {
        if (!(s in window.__times) && document.querySelector(s)) {
          window.__times[s] = null;
          requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { window.__times[s] = performance.now() - t0; }; c.port2.postMessage(0); });
        }
      }
      if (sels.some((s) => !(s in window.__times))) requestAnimationFrame(check);
    };
    check();
  }, { capture: true, once: true });
}, selectors);
const FIGURES = '[data-testid="compare-table"]';
const CHARTS = 'figure.chart[aria-label^="性价比"] svg';
const timesOf = async (page) => {
  await page.waitForFunction(() => Object.values(window.__times).length >= 2 && Object.values(window.__times).every((v) => v !== null), null, { timeout: 300_000 });
  return page.evaluate(() => window.__times);
};

async function comparePage(plan) {
  const out = { figures: [], charts: [], again: [], long: [] };
  for (let r = 0; r < RUNS; r++) {
    const { context, page } = await open(plan);
    const tab = page.getByRole('tab', { name: '比较方案' });
    await arm(page, [FIGURES, CHARTS]);
    await tab.click();
    const first = await timesOf(page);
    out.figures.push(first[FIGURES]);
    out.charts.push(first[CHARTS]);
    out.long.push(...(await page.evaluate(() => window.__long)));
    await page.getByRole('tab', { name: '平面图', exact: true }).click();
    await page.locator('svg.site-plan').waitFor();
    await page.waitForTimeout(300);
    await arm(page, [FIGURES, CHARTS]);
    await tab.click();
    const again = await timesOf(page);
    out.again.push(Math.max(again[FIGURES], again[CHARTS]));
    await context.close();
  }
  return out;
}

const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (v) => `${Math.round(v)} ms`;
const rows = [];
const results = [];
for (const [label, plan, goal] of [['205-item plan', benchPlan(), 200], ['1,521-item community', largePlan(), 500]]) {
  const r = await comparePage(plan);
  const long = r.long.length ? `${r.long.length} (longest ${ms(Math.max(...r.long))})` : 'none';
  results.push({ label, goal, figures: median(r.figures), long: r.long.length });
  rows.push(`| open Compare, ${label} | ${ms(median(r.figures))} | ${ms(median(r.charts))} | ${ms(median(r.again))} | ${long} |`);
  console.log(rows.at(-1));
}
await browser.close();
srv.server.close();

const verdicts = results.map((r) => `${r.label}: figures within ${r.goal} ms ${r.figures <= r.goal ? 'met' : 'not met'} (${ms(r.figures)}), no long task ${r.long === 0 ? 'met' : `not met (${r.long})`}`).join('; ');
writeSection('pages', `## Pages at scale

Command: \`node scripts/bench-lib/pages.mjs\` after \`trunk build --release\` (part of \`scripts/bench\`),
${new Date().toISOString().slice(0, 10)}; headless Chromium, 1280×800, median of ${RUNS} opens; times on the
page's clock from the click on the tab to after the paint of the first frame holding the table
(or the value-for-money chart); long tasks counted on the page's thread during the first open of
each run. Before the engine moved to its Web Worker (issue 13): 7.5 s and 40 s of frozen page for
the two plans. The worker sends the table before its cost-risk row (each scenario's 20,000-sample
P80 follows in a second message) and what changes between the first two scenarios after it; the
charts follow as the worker computes them. Goals of issue 13: ${verdicts}.

| page | figures shown | value chart shown | second visit (figures and charts) | long tasks ≥ 50 ms (all runs) |
| --- | ---: | ---: | ---: | --- |
${rows.join('\n')}`);
