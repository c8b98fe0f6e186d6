// Trunk post-build hook: adds a Content-Security-Policy to the app's index.html that allows the
// app and nothing else. Trunk writes one inline <script type="module"> (the loader) whose text
// changes with every build, so it is allowed by its SHA-256 hash, computed here from the built
// file. WebAssembly needs 'wasm-unsafe-eval' (not 'unsafe-eval'); inline style attributes (set
// by the interface for bar widths and drag ghosts) need 'unsafe-inline' in style-src only.
// Pictures traced over the plan are read as data: URLs; downloads use blob: URLs. The engine
// runs in a Web Worker loaded from the same origin.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_HTML_FILE ?? '';
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
// Only the app's page (not the benchmark pages built from scripts/bench-lib).
if (!staging || resolve(dirname(source)) !== resolve(root) || basename(source) !== 'index.html') process.exit(0);

const file = join(staging, 'index.html');
let html = readFileSync(file, 'utf8');
if (html.includes('http-equiv="Content-Security-Policy"')) process.exit(0);
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // The engine's Web Worker (engine-worker_loader.js, same origin).
  "worker-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  ${meta}`);
if (!html.includes(meta)) { console.error('csp.mjs: no <meta charset="utf-8"> to put the policy after'); process.exit(1); }
writeFileSync(file, html);
console.log(`csp.mjs: Content-Security-Policy added (${hashes.length} inline script hash${hashes.length === 1 ? '' : 'es'})`);
