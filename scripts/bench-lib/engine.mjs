// Engine benchmark: in one headless-Chromium run, the engine (Rust → WebAssembly, the app's
// release profile) against glpk.js and javascript-lp-solver on generated instances of 40, 1,000
// and 10,000 items; the frontier of a 40-item community; Monte Carlo risk with 100,000 samples
// of 200 items. Every peer answer is checked against ours. Results go to BENCHMARKS.md.
import { serve } from '../../tests/e2e/server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';
import { instance, check, mulberry32 } from './instances.mjs';
import { writeSection } from './markdown.mjs';

const LIMIT_S = Number(process.env.BENCH_PEER_LIMIT_S ?? 60);
const only = process.env.BENCH_SIZES?.split(',').map(Number);
const sizes = [
  { n: 40, reps: 500, peerReps: 10, goal: 4 },
  { n: 1000, reps: 20, peerReps: 3, goal: 50 },
  { n: 10000, reps: 3, peerReps: 1, goal: 1000 },
].filter((s) => !only || only.includes(s.n));

const srv = await serve('.');
const browser = await launch();
/** Runs `fn` in a fresh benchmark page (a peer that crashes its page cannot stop the run). */
async function inPage(fn, args, hardLimitS = LIMIT_S + 60) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const t0 = Date.now();
  let timer;
  try {
    await page.goto(`${srv.url}target/bench-dist/index.html`);
    await page.waitForFunction(() => window.wasmBindings?.bench_solve);
    await page.addScriptTag({ type: 'module', url: '/scripts/bench-lib/engine-page.mjs' });
    await page.waitForFunction(() => window.bench);
    // A peer that ignores its own time limit is stopped by closing its page.
    const killed = new Promise((ok) => { timer = setTimeout(() => ok('killed'), hardLimitS * 1000); });
    const r = await Promise.race([page.evaluate(({ fn, args }) => window.bench[fn](args), { fn, args }), killed]);
    if (r === 'killed') {
      console.error(`  ${fn}: no answer after ${hardLimitS} s, stopped`);
      return { killed: true, ms: hardLimitS * 1000 };
    }
    return r;
  } catch (e) {
    console.error(`  ${fn}: ${e.message.split('\n')[0]} (after ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    return null;
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
}

const fmt = (ms) => (!Number.isFinite(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const rows = [];
let ok = true;
for (const s of sizes) {
  const problem = instance(s.n, 1000 + s.n);
  console.log(`solving ${s.n} items (${problem.requires.length} dependencies, ${problem.exclusive.length} exclusive groups)…`);
  const r = {};
  r.ours = await inPage('runOurs', { problem, reps: s.reps }, 600);
  console.log(`  ours: ${r.ours?.ms} ms`);
  r.glpk = await inPage('runGlpk', { problem, peerReps: s.peerReps, limitS: LIMIT_S });
  console.log(`  glpk.js: ${r.glpk?.ms} ms`);
  r.jslp = await inPage('runJslp', { problem, peerReps: s.peerReps, limitS: LIMIT_S });
  console.log(`  javascript-lp-solver: ${r.jslp?.ms} ms`);
  const ourCheck = check(problem, r.ours.chosen);
  if (ourCheck !== r.ours.value || r.ours.status !== 'optimal') { ok = false; console.error('our answer failed its check', s.n); }
  const peer = (name, p, optimal) => {
    if (!p) return { ms: NaN, verdict: 'crashed its page (out of memory)', ratio: NaN };
    if (p.killed) return { ms: p.ms, verdict: `no answer within ${p.ms / 1000} s (stopped; it ignored its own time limit)`, ratio: p.ms / r.ours.ms };
    const v = check(problem, p.chosen);
    const verdict = !optimal ? `no proven optimum within ${LIMIT_S} s` + (v !== null ? ` (best found ${v}, ${(100 * v / r.ours.value).toFixed(2)} % of ours)` : '')
      : v === null ? `answer violates a constraint` : v === r.ours.value ? 'same optimum' : `different value ${v} (ours ${r.ours.value})`;
    if (optimal && v !== null && v > r.ours.value) { ok = false; console.error(`${name} beat us: ${v} > ${r.ours.value}`); }
    return { ms: p.ms, verdict, ratio: p.ms / r.ours.ms };
  };
  const g = peer('glpk.js', r.glpk, r.glpk?.optimal);
  const j = peer('javascript-lp-solver', r.jslp, r.jslp?.feasible && !r.jslp?.timedOut);
  rows.push({ n: s.n, goal: s.goal, ours: r.ours, g, j, deps: problem.requires.length, groups: problem.exclusive.length });
  console.log(`  ours ${fmt(r.ours.ms)} ms (${r.ours.nodes} nodes); glpk.js ${fmt(g.ms)} ms ×${g.ratio.toFixed(1)} ${g.verdict}; javascript-lp-solver ${fmt(j.ms)} ms ×${j.ratio.toFixed(1)} ${j.verdict}`);
}

// The hard shape: dependencies across buildings, exclusive variants spanning buildings, the
// class rule, musts and minimum spends (core::instances::hard).
const hardSizes = [
  { n: 40, count: 30, reps: 200, goal: { median: 1, max: 5, ratio: 10 } },
  { n: 300, count: 20, reps: 10, goal: { median: 10, max: 100, ratio: 1 } },
  { n: 1000, count: 10, reps: 2, goal: { median: 100, max: 1000, ratio: 1 } },
].filter((s) => !only || only.includes(s.n));
const hardRows = [];
for (const h of hardSizes) {
  const seeds = Array.from({ length: Number(process.env.BENCH_HARD_COUNT ?? h.count) }, (_, k) => 7000 + k);
  console.log(`hard shape, ${h.n} items, ${seeds.length} instances…`);
  const ours = await inPage('runHard', { n: h.n, seeds, reps: h.reps }, 900);
  const peers = await inPage('runGlpkAll', { problems: ours.map((o) => o.problem), limitS: LIMIT_S }, seeds.length * (LIMIT_S + 5) + 60);
  let proven = 0, checked = 0, glpkProven = 0;
  ours.forEach((o, k) => {
    const g = peers?.[k];
    const mine = check(o.problem, o.chosen);
    if (o.status !== 'stopped') proven++; // optimal, or proven infeasible
    if (o.status !== 'infeasible' && mine !== o.value) { ok = false; console.error(`hard ${h.n} seed ${o.seed}: our answer fails its check`); }
    if (g?.optimal) {
      glpkProven++;
      if (check(o.problem, g.chosen) !== g.value) console.error(`hard ${h.n} seed ${o.seed}: glpk.js's answer fails its check`);
      if (g.value === o.value && o.status === 'optimal') checked++;
      else { ok = false; console.error(`hard ${h.n} seed ${o.seed}: glpk.js ${g.value}, ours ${o.value} (${o.status})`); }
    } else if (g?.infeasible && o.status === 'infeasible') checked++;
    else if (g?.infeasible || o.status === 'infeasible') { ok = false; console.error(`hard ${h.n} seed ${o.seed}: infeasible for one solver only`); }
  });
  const times = ours.map((o) => o.ms).sort((a, b) => a - b);
  const gt = (peers ?? []).map((g) => g.ms).sort((a, b) => a - b);
  const med = (a) => a[Math.floor(a.length / 2)];
  const row = { n: h.n, count: seeds.length, proven, checked, glpkProven, median: med(times), max: times[times.length - 1], gMedian: med(gt), gMax: gt[gt.length - 1], goal: h.goal };
  hardRows.push(row);
  console.log(`  ours: ${proven}/${seeds.length} proven, median ${fmt(row.median)} ms, max ${fmt(row.max)} ms; glpk.js median ${fmt(row.gMedian)} ms, max ${fmt(row.gMax)} ms; ${checked} answers equal`);
}

const fp = instance(40, 77);
const fr = await inPage('runFrontier', { problem: fp, steps: 100, reps: 100 });
console.log(`frontier: ${fr.points} budgets in ${fmt(fr.ms)} ms`);

const r = mulberry32(5);
const riskItems = Array.from({ length: 200 }, () => { const a = 10000 + Math.floor(r() * 90000); const m = a + Math.floor(r() * 50000); return [a, m, m + Math.floor(r() * 80000)]; });
const rk = await inPage('runRisk', { items: riskItems, samples: 100000, reps: 5 });
console.log(`risk: 100,000 × 200 in ${fmt(rk.ms)} ms (plain JS loop ${fmt(rk.jsMs)} ms)`);
const cr = mulberry32(9);
const chartItems = Array.from({ length: 1000 }, (_, i) => [20000 + Math.floor(cr() * 600000), 5 + cr() * 90, i % 4 === 0 ? 1 : 0]);
const ch = await inPage('runChart', { items: chartItems, reps: 30 });
console.log(`chart: 1,000 points — ours ${fmt(ch?.ours)} ms, Chart.js ${fmt(ch?.peer)} ms`);
await browser.close();
srv.server.close();

const goal = (ms, g) => (ms <= g ? `✓ (goal ≤ ${g} ms)` : `✗ goal ≤ ${g} ms, over by ${fmt(ms - g)} ms`);
const table = rows.map((x) => `| ${x.n.toLocaleString('en')} | ${x.deps.toLocaleString('en')} / ${x.groups} | ${fmt(x.ours.ms)} ${goal(x.ours.ms, x.goal)} | ${x.ours.nodes.toLocaleString('en')} | ${fmt(x.g.ms)} (×${x.g.ratio.toFixed(1)}) ${x.g.verdict} | ${fmt(x.j.ms)} (×${x.j.ratio.toFixed(1)}) ${x.j.verdict} |`).join('\n');
const body = `## Decision engine

Command: \`scripts/bench\` (engine built as the app's worker is: the \`worker\` profile, opt-level "s", wasm-opt -Os;
headless Chromium; peers from npm: glpk.js 5.0.0 in its Web Worker, javascript-lp-solver 1.0.3),
${new Date().toISOString().slice(0, 10)}. Instances: \`scripts/bench-lib/instances.mjs\` (8-item buildings with the class rule as
dependencies, pipes-before-road dependencies, exclusive elevator variants, must-do / must-not items,
budget 40 % of the total, basic spend ≥ 30 % of the budget). Our times are means over repeated solves
(timed as one batch: the browser clock is coarse), peers' times medians; ×N is the peer's time over ours.
Peers get ${LIMIT_S} s per solve; every peer answer is checked against the constraints and our optimum.

| items | dependencies / exclusive groups | ours (ms) | nodes | glpk.js (ms) | javascript-lp-solver (ms) |
| ---: | ---: | ---: | ---: | --- | --- |
${table}

### The hard shape

Instances: \`core::instances::hard\` (n items over n/8 buildings; the class rule; n/6 random
"A requires B" pairs across buildings; n/10 exclusive groups of 2-3 items spanning buildings; in half
the instances one must-do and one must-not item, in half a minimum spend on basic items; budget 30-60 %
of the total), seeds from 7000. Ours: mean of repeated solves of each instance (engine built as the
app's worker is: opt-level "s"); glpk.js: one solve each, presolve on, ${LIMIT_S} s limit. An answer is
"checked" when glpk.js proves the same optimum (and our selection passes the constraint check).

| items | instances | proven optimal | median | max | glpk.js median / max | vs glpk.js (median) | answers checked |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${hardRows.map((x) => `| ${x.n.toLocaleString('en')} | ${x.count} | ${(100 * x.proven / x.count).toFixed(0)} % ${x.proven === x.count ? '✓' : '✗'} | ${fmt(x.median)} ms ${x.median <= x.goal.median ? '✓' : '✗'} (≤ ${x.goal.median}) | ${fmt(x.max)} ms ${x.max <= x.goal.max ? '✓' : '✗'} (≤ ${x.goal.max}) | ${fmt(x.gMedian)} / ${fmt(x.gMax)} ms | ×${(x.gMedian / x.median).toFixed(1)} ${x.gMedian / x.median >= x.goal.ratio ? '✓' : '✗'} (≥ ${x.goal.ratio}×) | ${x.checked} / ${x.count} |`).join('\n')}

Frontier of a 40-item community, ${fr.points} budgets (every 1 % of the total): **${fmt(fr.ms)} ms** ${goal(fr.ms, 16)}.

Cost risk, 100,000 samples of 200 items (PERT): **${fmt(rk.ms)} ms** ${goal(rk.ms, 300)}; the plain JavaScript loop
a web developer would write (triangular, \`Math.random\`) takes ${fmt(rk.jsMs)} ms (×${(rk.jsMs / rk.ms).toFixed(1)}).`;
writeSection('engine', body);
const ratio = ch ? ch.ours / ch.peer : NaN;
writeSection('chart', `## Value-for-money chart, 1,000 points

Command: \`scripts/bench\` (same headless-Chromium run), ${new Date().toISOString().slice(0, 10)}. The app's chart (plotters in
WebAssembly → SVG, inserted in the page and laid out) against Chart.js 4.6.1 drawing the same 1,000 points, frontier and
labels on a canvas without animation; after 3 unmeasured warm-up draws each, medians of 30 draws. Our SVG draws the 1,000 points as two
paths of round dots and no fine grid (about a hundred elements in all), so the browser lays out little.

| ours (plotters → SVG) | Chart.js (canvas) | ratio |
| ---: | ---: | ---: |
| ${fmt(ch?.ours)} ms | ${fmt(ch?.peer)} ms | **${ratio.toFixed(2)}×** |

Goal: at most 0.8× Chart.js's time — ${ratio <= 0.8 ? 'met' : 'not met (by ' + ((ratio - 0.8) * 100).toFixed(0) + ' percentage points)'}.`);
if (!ok) { console.error('engine benchmark: an answer failed its check'); process.exit(1); }
