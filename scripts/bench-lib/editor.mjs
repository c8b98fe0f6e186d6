// Edit until after paint in the editor, on the 205-item benchmark plan and on the 1,521-item
// community: the plan is put in the browser's storage, the built app opens it, and 60 edits
// (moving a building with the arrow keys: a command, the costs and priorities computed again,
// funding and consent kept when the move did not change them, and a re-render of what moved) are each timed from the
// key press to after the next frame has painted (a requestAnimationFrame, then a
// MessageChannel message: it runs once that frame's style, layout and paint are done).
// Long tasks (≥ 50 ms) on the main thread are counted with a PerformanceObserver.
import { serve } from '../../tests/e2e/server.mjs';
import { launch, openSaved } from '../../tests/e2e/browser.mjs';
import { benchPlan, largePlan } from './plans.mjs';
import { writeSection } from './markdown.mjs';

const EDITS = 120;

async function measure(browser, url, plan, building) {
  const n = plan.scenarios[0].items.length;
  const { context, page } = await openSaved(browser, url, plan, { locale: 'zh-CN' });
  const shown = Number((await page.getByTestId('items-placed').textContent()).replace(/\D/g, ''));
  if (shown !== n) throw new Error(`the app shows ${shown} items, expected ${n}`);
  await page.evaluate(() => {
    window.__lat = [];
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    window.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    }, true);
  });
  const poly = page.locator(`[data-building="${building}"] polygon`);
  await poly.focus();
  // Edits a user makes at a key's repeat rate: each waits for the last to be painted.
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((k) => window.__lat.length > k, i);
    await page.waitForTimeout(30);
  }
  // The edits really happened: one more press moves the building.
  const before = await poly.getAttribute('points');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(200);
  if ((await poly.getAttribute('points')) === before) throw new Error('the arrow keys did not move the building');
  const { lat, long } = await page.evaluate(() => ({ lat: window.__lat.splice(0), long: window.__long }));
  if (process.env.EDITOR_SERIES) console.log(lat.map((x) => x.toFixed(0)).join(" "));
  // The peer, on the same page: a key that changes nothing (Shift), timed the same way. What
  // it measures is the method's floor: waiting for the browser's next frame (at most one
  // 16.7 ms interval) and painting an unchanged page.
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.press('Shift');
    await page.waitForFunction((k) => window.__lat.length > k, i);
    await page.waitForTimeout(30);
  }
  const floor = await page.evaluate(() => window.__lat);
  await context.close();
  const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
  return {
    n, edits: lat.length, p50: pct(lat, 0.5), p95: pct(lat, 0.95), max: Math.max(...lat), long,
    floor50: pct(floor, 0.5), floor95: pct(floor, 0.95),
  };
}

const srv = await serve('dist');
const browser = await launch();
const rows = [];
for (const [label, plan, building, goal] of [
  ['205-item plan', benchPlan(), 6, 16.7],
  ['1,521-item community', largePlan(), 18, 33],
]) {
  const r = await measure(browser, srv.url, plan, building);
  rows.push({ label, goal, ...r });
  console.log(`edit until after paint, ${label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.long.length} long tasks; a key that changes nothing: p50 ${r.floor50.toFixed(1)} ms, p95 ${r.floor95.toFixed(1)} ms`);
}
await browser.close();
srv.server.close();
const met = (r) => r.p95 <= r.goal && r.long.length === 0;
const body = `## Editor: edit until after paint

Command: \`scripts/bench\` (release build, headless Chromium, 1280 × 800), ${new Date().toISOString().slice(0, 10)}.
${EDITS} edits per plan (a building moved with the arrow keys: command; costs and priorities computed again,
funding and consent kept when the move did not change them; re-render of what moved), each timed from the key
press to after the next frame has painted (requestAnimationFrame, then a MessageChannel message).
Before issue 13's work (to the next frame only, so less than this measure): 1,521 items 78 ms p50 / 92 ms p95,
every edit a long task; 205 items 27-40 ms p95 until after paint. Runs on this 2-core machine vary by up to
half between one run and the next; compare rows of one run.

The peer in the same run is a key that changes nothing (Shift), pressed as often on the same page and timed
the same way: it is this method's floor (the wait for the browser's next frame, up to one 16.7 ms interval,
and the paint of an unchanged page), so an edit cannot measure less than it, and a p95 goal of 16.7 ms can
only be met when the floor's own p95 leaves room.

| plan | p50 | p95 | max | long tasks (≥ 50 ms) | no-change key p50 / p95 | goal (p95, no long task) |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${rows.map((r) => `| ${r.label} | ${r.p50.toFixed(1)} ms | **${r.p95.toFixed(1)} ms** | ${r.max.toFixed(1)} ms | ${r.long.length}${r.long.length ? ` (${r.long.map((d) => d.toFixed(0)).join(', ')} ms)` : ''} | ${r.floor50.toFixed(1)} / ${r.floor95.toFixed(1)} ms | ≤ ${r.goal} ms: ${met(r) ? 'met' : 'not met'} |`).join('\n')}`;
writeSection('editor', body);
