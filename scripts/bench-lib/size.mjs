// First-load size of the built app: the wasm, JS and CSS that index.html loads, raw and
// brotli-compressed (quality 11, as a static host would serve them).
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { writeSection, kb } from './markdown.mjs';

const GOAL_KB = 150;
const files = readdirSync('dist').filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
let raw = 0, br = 0;
const rows = files.map((f) => {
  const data = readFileSync(`dist/${f}`);
  const c = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += data.length; br += c;
  return `| ${f.replace(/-[0-9a-f]{16}/, '')} | ${kb(data.length)} | ${kb(c)} |`;
});
const verdict = br / 1024 <= GOAL_KB ? 'within' : `over by ${kb(br - GOAL_KB * 1024)} KB`;
const body = `## First-load size

Command: \`scripts/bench\` (release build with trunk, wasm-opt -Oz), ${new Date().toISOString().slice(0, 10)}.
Goal for the finished app: at most ${GOAL_KB} KB brotli — ${verdict}.

| file | raw KB | brotli KB |
| --- | ---: | ---: |
${rows.join('\n')}
| **total** | **${kb(raw)}** | **${kb(br)}** |`;
writeSection('size', body);
console.log(`first-load size: ${kb(raw)} KB raw, ${kb(br)} KB brotli (goal ${GOAL_KB} KB: ${verdict})`);
