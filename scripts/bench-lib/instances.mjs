// Generated selection instances for the engine benchmark: communities of 8-item buildings
// with the class rule (every improvement/upgrade item requires its building's safety and basic
// items), a pipes-before-road dependency in half the buildings, elevator variants (mutually
// exclusive pairs) in a third, a few must-do and must-not items, a budget of 40 % of the total
// and a minimum spend on basic items of 30 % of the budget. Costs in yuan, values are priority
// scores in hundredths (100-10 000). Deterministic from the seed.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function instance(n, seed) {
  const r = mulberry32(seed);
  const ri = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const items = [], requires = [], exclusive = [];
  while (items.length < n) {
    const k = Math.min(8, n - items.length);
    const start = items.length, basics = [], others = [];
    for (let j = 0; j < k; j++) {
      const u = r();
      const cls = u < 0.05 ? 0 : u < 0.55 ? 1 : u < 0.9 ? 2 : 3;
      const cost = cls === 2 && r() < 0.3 ? ri(300000, 650000) : ri(10000, 200000);
      items.push({ cost, value: ri(100, 10000), class: cls, must: 'free' });
      (cls <= 1 ? basics : others).push(start + j);
    }
    for (const o of others) for (const b of basics) requires.push([o, b]);
    if (basics.length >= 2 && r() < 0.5) requires.push([basics[1], basics[0]]);
    if (others.length >= 2 && r() < 0.3) exclusive.push([others[0], others[1]]);
  }
  for (let i = 0; i < n; i += 97) if (items[i].class <= 1) items[i].must = 'do';
  for (let i = 45; i < n; i += 89) items[i].must = 'not';
  const total = items.reduce((s, x) => s + x.cost, 0);
  const budget = Math.round(total * 0.4);
  return { items, budget, requires, exclusive, class_min: [0, Math.round(budget * 0.3), 0, 0] };
}

/** Value of a selection if it satisfies every constraint, else null. */
export function check(p, chosen) {
  const x = new Array(p.items.length).fill(false);
  for (const i of chosen) x[i] = true;
  let cost = 0, value = 0;
  const spent = [0, 0, 0, 0];
  p.items.forEach((it, i) => {
    if (x[i]) { cost += it.cost; value += it.value; spent[it.class] += it.cost; }
    if (it.must === 'do' && !x[i]) value = -Infinity;
    if (it.must === 'not' && x[i]) value = -Infinity;
  });
  if (cost > p.budget) return null;
  if (p.requires.some(([a, b]) => x[a] && !x[b])) return null;
  if (p.exclusive.some((g) => g.filter((i) => x[i]).length > 1)) return null;
  if (spent.some((s, c) => s < p.class_min[c])) return null;
  return Number.isFinite(value) ? value : null;
}
