// Runs inside the benchmark page (headless Chromium): the engine (window.wasmBindings) against
// glpk.js and javascript-lp-solver on the same instances. Exported for page.evaluate.

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };

export function runOurs({ problem, reps }) {
  const ours = JSON.parse(window.wasmBindings.bench_solve(JSON.stringify(problem), reps));
  return { ms: median(ours.times_ms), value: ours.value, status: ours.status, nodes: ours.nodes, chosen: ours.chosen };
}

export async function runGlpk({ problem, peerReps, limitS }) {
  const GLPK = (await import('/node_modules/glpk.js/dist/index.js')).default;
  const glpk = await GLPK();
  const names = problem.items.map((_, i) => `x${i}`);
  const row = (name, vars, type, lb, ub) => ({ name, vars, bnds: { type, lb, ub } });
  const lp = {
    name: 'select',
    objective: { direction: glpk.GLP_MAX, name: 'priority', vars: problem.items.map((it, i) => ({ name: names[i], coef: it.value })) },
    subjectTo: [
      row('budget', problem.items.map((it, i) => ({ name: names[i], coef: it.cost })), glpk.GLP_UP, 0, problem.budget),
      ...problem.requires.map(([a, b], k) => row(`req${k}`, [{ name: names[a], coef: 1 }, { name: names[b], coef: -1 }], glpk.GLP_UP, 0, 0)),
      ...problem.exclusive.map((g, k) => row(`grp${k}`, g.map((i) => ({ name: names[i], coef: 1 })), glpk.GLP_UP, 0, 1)),
      ...problem.class_min.flatMap((m, c) => m > 0 ? [row(`min${c}`, problem.items.flatMap((it, i) => it.class === c ? [{ name: names[i], coef: it.cost }] : []), glpk.GLP_LO, m, 0)] : []),
      // Must-do and must-not as fixing rows (glpk.js resets the bounds of binaries).
      ...problem.items.flatMap((it, i) => it.must === 'free' ? [] : [row(`fix${i}`, [{ name: names[i], coef: 1 }], glpk.GLP_FX, it.must === 'do' ? 1 : 0, it.must === 'do' ? 1 : 0)]),
    ],
    binaries: names,
  };
  const glpkTimes = [];
  let g;
  for (let r = 0; r < peerReps; r++) {
    const t0 = performance.now();
    g = await glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: true, tmlim: limitS });
    glpkTimes.push(performance.now() - t0);
    if (g.result.status !== glpk.GLP_OPT) break;
  }
  return {
    ms: median(glpkTimes), optimal: g.result.status === glpk.GLP_OPT, infeasible: g.result.status === glpk.GLP_NOFEAS, value: Math.round(g.result.z),
    chosen: names.flatMap((n, i) => (g.result.vars[n] > 0.5 ? [i] : [])),
  };
}

export async function runJslp({ problem, peerReps, limitS }) {
  const names = problem.items.map((_, i) => `x${i}`);
  const solver = (await import('/node_modules/javascript-lp-solver/dist/index.browser.mjs')).default;
  const variables = {}, constraints = { budget: { max: problem.budget } }, binaries = {};
  problem.items.forEach((it, i) => {
    const v = { priority: it.value, budget: it.cost };
    if (it.must === 'do') { v[`fix${i}`] = 1; constraints[`fix${i}`] = { equal: 1 }; }
    if (it.must === 'not') { v[`fix${i}`] = 1; constraints[`fix${i}`] = { equal: 0 }; }
    if (problem.class_min[it.class] > 0) { v[`min${it.class}`] = it.cost; }
    variables[names[i]] = v;
    binaries[names[i]] = 1;
  });
  problem.class_min.forEach((m, c) => { if (m > 0) constraints[`min${c}`] = { min: m }; });
  problem.requires.forEach(([a, b], k) => {
    variables[names[a]][`req${k}`] = 1; variables[names[b]][`req${k}`] = -1; constraints[`req${k}`] = { max: 0 };
  });
  problem.exclusive.forEach((grp, k) => { grp.forEach((i) => { variables[names[i]][`grp${k}`] = 1; }); constraints[`grp${k}`] = { max: 1 }; });
  const model = { optimize: 'priority', opType: 'max', constraints, variables, binaries, options: { timeout: limitS * 1000, tolerance: 0 } };
  const jsTimes = [];
  let j;
  for (let r = 0; r < peerReps; r++) {
    const t0 = performance.now();
    j = solver.Solve(model);
    jsTimes.push(performance.now() - t0);
    if (jsTimes[jsTimes.length - 1] > limitS * 1000) break;
  }
  const jsMs = median(jsTimes);
  return {
    ms: jsMs, timedOut: jsMs >= limitS * 1000, feasible: !!j.feasible, value: Math.round(j.result ?? 0),
    chosen: names.flatMap((n, i) => ((j[n] ?? 0) > 0.5 ? [i] : [])),
  };
}

/** Our solver on hard-shape instances generated in the page (`hard_instance`), each timed as
 * the mean of `reps` solves; returns the problems too, so that the peers get the same ones. */
export function runHard({ n, seeds, reps }) {
  return seeds.map((seed) => {
    const problem = JSON.parse(window.wasmBindings.hard_instance(n, seed));
    return { seed, problem, ...runOurs({ problem, reps }) };
  });
}

/** glpk.js on each problem, one solve each. */
export async function runGlpkAll({ problems, limitS }) {
  const out = [];
  for (const problem of problems) out.push(await runGlpk({ problem, peerReps: 1, limitS }));
  return out;
}

export function runFrontier({ problem, steps, reps }) {
  const r = JSON.parse(window.wasmBindings.bench_frontier(JSON.stringify(problem), steps, reps));
  const s = [...r.times_ms].sort((a, b) => a - b);
  return { ms: s[Math.floor(s.length / 2)], points: r.values.length, step: r.step, values: r.values };
}

export function runRisk({ items, samples, reps }) {
  const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
  const ours = JSON.parse(window.wasmBindings.bench_risk(JSON.stringify(items.flat()), samples, true, reps));
  // The peer: the loop a web developer would write (triangular inverse CDF, Math.random).
  const jsTimes = [];
  let p80 = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const totals = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      let sum = 0;
      for (const [a, m, b] of items) {
        const u = Math.random(), fc = (m - a) / (b - a);
        sum += u < fc ? a + Math.sqrt(u * (b - a) * (m - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - m));
      }
      totals[s] = sum;
    }
    totals.sort();
    p80 = totals[Math.ceil(0.8 * samples) - 1];
    jsTimes.push(performance.now() - t0);
  }
  return { ms: median(ours.times_ms), p80: ours.p80, jsMs: median(jsTimes), jsP80: p80 };
}
export async function runChart({ items, reps }) {
  // Ours: the app's plotters chart (WebAssembly) to SVG, put in the page, laid out.
  const host = document.createElement('div');
  host.style.width = '800px';
  document.body.append(host);
  const flat = JSON.stringify(items.flat());
  const ours = [];
  // Both sides get the same three unmeasured warm-up runs (JIT, fonts, first layout).
  for (let r = 0; r < 3; r++) { host.innerHTML = window.wasmBindings.chart_svg(flat); void host.offsetHeight; }
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    host.innerHTML = window.wasmBindings.chart_svg(flat);
    host.getBoundingClientRect();
    void host.offsetHeight;
    ours.push(performance.now() - t0);
  }
  const circles = host.querySelectorAll('circle').length;
  // Peer: Chart.js drawing the same points, the budget and the frontier on a canvas, no animation.
  if (!window.Chart) {
    await new Promise((ok, fail) => {
      const tag = document.createElement('script');
      tag.src = '/node_modules/chart.js/dist/chart.umd.min.js';
      tag.onload = ok;
      tag.onerror = fail;
      document.head.append(tag);
    });
  }
  const Chart = window.Chart;
  const canvas = document.createElement('canvas');
  canvas.width = 800;
  canvas.height = 480;
  const box = document.createElement('div');
  box.style.width = '800px';
  box.style.height = '480px';
  box.append(canvas);
  document.body.append(box);
  const sorted = [...items].sort((a, b) => b[1] / Math.max(a[0], 1) - a[1] / Math.max(b[0], 1));
  let c = 0, v = 0; const frontier = [{ x: 0, y: 0 }];
  sorted.forEach((it, k) => { c += it[0]; v += it[1]; if (k % 20 === 19) frontier.push({ x: c, y: v }); });
  const peer = [];
  for (let r = 0; r < reps + 3; r++) {
    const t0 = performance.now();
    const chart = new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [
        { label: '项目', data: items.filter((p) => !p[2]).map((p) => ({ x: p[0], y: p[1] })), pointRadius: 3 },
        { label: '入选项目', data: items.filter((p) => p[2]).map((p) => ({ x: p[0], y: p[1] })), pointRadius: 4 },
        { label: '各预算下的最优', data: frontier, type: 'line', yAxisID: 'y2', pointRadius: 0 },
      ] },
      options: { animation: false, responsive: false, plugins: { title: { display: true, text: '性价比:优先级与费用' } },
        scales: { x: { title: { display: true, text: '费用' }, ticks: { callback: (x) => `¥${(x / 10000).toFixed(0)}万` } }, y: { title: { display: true, text: '优先级' } }, y2: { position: 'right' } } },
    });
    if (r >= 3) peer.push(performance.now() - t0);
    chart.destroy();
  }
  return { ours: median(ours), peer: median(peer), circles };
}

window.bench = { runHard, runGlpkAll, runOurs, runGlpk, runJslp, runFrontier, runRisk, runChart };
