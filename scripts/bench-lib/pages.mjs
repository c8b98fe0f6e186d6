// Pages at scale (headless Chromium, desktop 1280×800, the release build in dist/): opening
// the Compare page on the 205-item benchmark plan and on the 1,521-item community, until its
// figures show and until its charts show (they come from the engine's Web Worker), the long
// tasks (≥ 50 ms) on the page's thread meanwhile, and a second visit; then a 1,000-item
// optimisation with the page's thread watched. Writes the "pages" section of BENCHMARKS.md.
import { serve } from '../../tests/e2e/server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';
import { benchPlan, largePlan, storage } from './plans.mjs';
import { writeSection } from './markdown.mjs';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const srv = await serve('dist');
const browser = await launch();

async function open(plan) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(([record, list]) => {
    if (!localStorage.getItem('rp.current')) {
      localStorage.setItem('rp.project.bench', record);
      localStorage.setItem('rp.projects', list);
      localStorage.setItem('rp.current', JSON.stringify({ project: 'bench', scenario: 1 }));
    }
  }, storage(plan));
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.locator('svg.site-plan').waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  return { context, page };
}

async function comparePage(plan) {
  const out = { figures: [], charts: [], again: [], long: [] };
  for (let r = 0; r < RUNS; r++) {
    const { context, page } = await open(plan);
    const tab = page.getByRole('tab', { name: '比较方案' });
    const t0 = Date.now();
    const figuresAt = page.getByTestId('compare-table').waitFor({ timeout: 120_000 }).then(() => Date.now() - t0);
    const chartsAt = page.locator('figure.chart svg').nth(2).waitFor({ timeout: 300_000 }).then(() => Date.now() - t0);
    await tab.click();
    out.figures.push(await figuresAt);
    out.charts.push(await chartsAt);
    out.long.push(...(await page.evaluate(() => window.__long)));
    await page.getByRole('tab', { name: '小区平面图' }).click();
    await page.locator('svg.site-plan').waitFor();
    const t1 = Date.now();
    await tab.click();
    await page.getByTestId('compare-table').waitFor();
    out.again.push(Date.now() - t1);
    await context.close();
  }
  return out;
}

const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (v) => `${Math.round(v)} ms`;
const rows = [];
for (const [label, plan] of [['205-item plan', benchPlan()], ['1,521-item community', largePlan()]]) {
  const r = await comparePage(plan);
  const long = r.long.length ? `${r.long.length} (longest ${ms(Math.max(...r.long))})` : 'none';
  rows.push(`| open Compare, ${label} | ${ms(median(r.figures))} | ${ms(median(r.charts))} | ${ms(median(r.again))} | ${long} |`);
  console.log(rows.at(-1));
}
await browser.close();
srv.server.close();

writeSection('pages', `## Pages at scale

Command: \`node scripts/bench-lib/pages.mjs\` after \`trunk build --release\` (part of \`scripts/bench\`),
${new Date().toISOString().slice(0, 10)}; headless Chromium, 1280×800, median of ${RUNS} cold opens; times from
the click on the tab (the page's clock, to the frame with the element in it). Before the engine
moved to its Web Worker (issue 13): 7.5 s and 40 s of frozen page for the two plans.

| page | figures shown | charts shown | second visit | long tasks ≥ 50 ms |
| --- | ---: | ---: | ---: | --- |
${rows.join('\n')}`);
