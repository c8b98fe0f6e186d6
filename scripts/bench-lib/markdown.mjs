// Writes one section of BENCHMARKS.md, between <!-- bench:NAME --> markers, leaving the
// other sections as they are.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const FILE = 'BENCHMARKS.md';
const HEADER = `# Benchmarks

Measured by \`scripts/bench\` on the development machine (2 cores, shared and noisy: compare
ratios within one run rather than absolute times across runs). Each section says the command
and the date of its run.
`;

export function writeSection(name, body) {
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const open = `<!-- bench:${name} -->`, close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${body.trim()}\n${close}`;
  const a = text.indexOf(open), b = text.indexOf(close);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + close.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
}

export function kb(bytes) { return (bytes / 1024).toFixed(1); }
