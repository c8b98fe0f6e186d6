// First-load size of the built app: the wasm, JS and CSS that index.html loads, raw and
// brotli-compressed (quality 11, as a static host would serve them). The engine's Web Worker
// (engine-worker*) is fetched after the first paint: listed apart, not in the first load.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { writeSection, kb } from './markdown.mjs';

const GOAL_KB = 150;
const all = readdirSync('dist').filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
const isWorker = (f) => f.startsWith('engine-worker');
const measure = (f) => {
  const data = readFileSync(`dist/${f}`);
  return [data.length, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
};
let raw = 0, br = 0;
const rows = all.filter((f) => !isWorker(f)).map((f) => {
  const [r, c] = measure(f);
  raw += r; br += c;
  return `| ${f.replace(/-[0-9a-f]{16}/, '')} | ${kb(r)} | ${kb(c)} |`;
});
let wraw = 0, wbr = 0;
const workerRows = all.filter(isWorker).map((f) => {
  const [r, c] = measure(f);
  wraw += r; wbr += c;
  return `| ${f.replace(/-[0-9a-f]{16}/, '')} | ${kb(r)} | ${kb(c)} |`;
});
const verdict = br / 1024 <= GOAL_KB ? 'within' : `over by ${kb(br - GOAL_KB * 1024)} KB`;
const body = `## First-load size

Command: \`scripts/bench\` (release build with trunk, wasm-opt -Oz), ${new Date().toISOString().slice(0, 10)}.
Goal for the finished app: at most ${GOAL_KB} KB brotli — ${verdict}.

| file | raw KB | brotli KB |
| --- | ---: | ---: |
${rows.join('\n')}
| **total** | **${kb(raw)}** | **${kb(br)}** |

After the first paint, the engine's Web Worker (optimise, frontier, cost risk; wasm-opt -Os):

| file | raw KB | brotli KB |
| --- | ---: | ---: |
${workerRows.join('\n')}
| **total** | **${kb(wraw)}** | **${kb(wbr)}** |`;
writeSection('size', body);
console.log(`first-load size: ${kb(raw)} KB raw, ${kb(br)} KB brotli (goal ${GOAL_KB} KB: ${verdict})`);
