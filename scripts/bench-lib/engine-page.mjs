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
    ms: median(glpkTimes), optimal: g.result.status === glpk.GLP_OPT, value: Math.round(g.result.z),
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
window.bench = { runOurs, runGlpk, runJslp, runFrontier, runRisk };
