// Plans for the benchmarks and the scale tests, deterministic:
//   benchPlan(): the demo community with items on every building, stairwell, road, green,
//     parking and lamp (205 placed items);
//   largePlan(): a large community: 40 buildings of 6 floors with 4 stairwells each (160
//     stairwells, 1,920 households), roads, greens, parking and lamps, 1,521 placed items, road
//     overlays that require the pipes of the buildings along them (dependencies across
//     buildings); largePlan(n) stops at n items. Both pass the planner's validator.
//   record(plan): the browser-storage record that opens a plan as a saved project.
import { readFileSync } from 'node:fs';

const BUILDING_ITEMS = ['roof_waterproofing', 'facade_repair', 'energy_retrofit', 'fire_safety', 'safety_hazard_fix', 'power_upgrade', 'gas_pipes', 'water_supply_pipes', 'heating_network', 'barrier_free', 'stairwell_renovation', 'access_doors'];
const STAIRWELL_ITEMS = ['elevator', 'stairwell_renovation', 'access_doors', 'barrier_free', 'gas_pipes', 'water_supply_pipes'];

/** Adds an item on every target of `plan` (at most `max` items in all); returns the scenario. */
function fill(plan, max) {
  const s = plan.scenarios[0];
  const have = new Set(s.items.map((p) => `${p.item}@${JSON.stringify(p.target)}`));
  let id = Math.max(0, ...s.items.map((p) => p.id)) + 1;
  const add = (item, target) => {
    const k = `${item}@${JSON.stringify(target)}`;
    if (!have.has(k) && s.items.length < max) { have.add(k); s.items.push({ id: id++, item, target }); return id - 1; }
    return null;
  };
  for (const b of plan.community.buildings) {
    for (const item of BUILDING_ITEMS) add(item, { building: b.id });
    for (const st of b.stairwells) for (const item of STAIRWELL_ITEMS) add(item, { stairwell: st.id });
  }
  for (const a of plan.community.areas) {
    if (a.kind === 'road') { add('road_overlay', { area: a.id }); add('road_rebuild', { area: a.id }); }
    if (a.kind === 'green') add('greening', { area: a.id });
    if (a.kind === 'parking') for (const item of ['parking_surface', 'ev_charger', 'ebike_charging']) add(item, { area: a.id });
  }
  for (const p of plan.community.points) for (const item of ['street_lighting', 'cctv', 'waste_station', 'ev_charger', 'ebike_charging']) add(item, { point: p.id });
  return s;
}

export function benchPlan() {
  const plan = structuredClone(JSON.parse(readFileSync('static/demo.json', 'utf8')));
  fill(plan, 205);
  return plan;
}

export function largePlan(max = 1521) {
  const demo = JSON.parse(readFileSync('static/demo.json', 'utf8'));
  const rect = (x, y, w, h) => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
  const buildings = [];
  // 8 rows of 5 buildings, each 60 m × 12 m, rows 30 m apart, a road between rows.
  for (let k = 0; k < 40; k++) {
    const row = Math.floor(k / 5), col = k % 5;
    const x = 10 + col * 75, y = 10 + row * 30;
    const id = k + 1;
    const stairwells = [];
    for (let u = 0; u < 4; u++) {
      const households = [];
      for (let f = 1; f <= 6; f++) for (let r = 1; r <= 2; r++) {
        households.push({ id: id * 1000 + (u + 1) * 100 + f * 10 + r, room: `${f}0${r}`, floor: f, area_m2: r === 1 ? 62.5 + (k % 7) : 78.4 + (k % 5) });
      }
      stairwells.push({ id: id * 10 + u + 1, name: `${u + 1}单元`, position: [x + 7.5 + u * 15, y + 12], households });
    }
    buildings.push({ id, name: `${id}号楼`, footprint: rect(x, y, 60, 12), floors: 6, storey_height_m: 2.9, year_built: 1980 + (k % 18), condition: 1 + (k % 5), stairwells });
  }
  const areas = [];
  let aid = 1;
  for (let row = 0; row < 9; row++) areas.push({ id: aid++, kind: 'road', name: `${row + 1}号路`, polygon: rect(5, 4 + row * 30, 370, 5) });
  for (let g = 0; g < 8; g++) areas.push({ id: aid++, kind: 'green', name: `${g + 1}号绿地`, polygon: rect(380, 10 + g * 30, 20, 20) });
  for (let g = 0; g < 10; g++) areas.push({ id: aid++, kind: 'parking', name: `${g + 1}号停车场`, polygon: rect(405, 5 + g * 24, 30, 20) });
  const points = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, kind: 'lamp', name: `路灯${i + 1}`, position: [440, 20 + i * 50] }));
  const plan = {
    ...structuredClone(demo),
    community: { name: '大型小区(测试)', city: demo.community.city, buildings, areas, pipes: [], points },
    votes: {},
    scenarios: [{ id: 1, name: '全部项目', items: [] }],
    current_scenario: 1,
  };
  const s = fill(plan, max);
  // Each road overlay requires the water pipes of the buildings along it (across buildings).
  const pipes = new Map(s.items.filter((p) => p.item === 'water_supply_pipes' && p.target.building).map((p) => [p.target.building, p.id]));
  for (const p of s.items.filter((p) => p.item === 'road_overlay')) {
    const row = p.target.area - 1;
    p.requires = [];
    for (const r of [row - 1, row]) for (let col = 0; col < 5; col++) { const b = r * 5 + col + 1; if (r >= 0 && r < 8 && pipes.has(b)) p.requires.push(pipes.get(b)); }
  }
  return plan;
}

/** Browser storage entries that open `plan` as the saved project "bench". */
export function storage(plan) {
  return [`RP1\n1\n0\n${JSON.stringify(plan)}`, JSON.stringify([{ id: 'bench', name: plan.community.name, saved_at_ms: 0, rev: 1 }])];
}

if (process.argv[1]?.endsWith('plans.mjs')) {
  // node scripts/bench-lib/plans.mjs large > large.json
  process.stdout.write(JSON.stringify(process.argv[2] === 'large' ? largePlan() : benchPlan(), null, 1));
}
