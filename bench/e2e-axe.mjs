#!/usr/bin/env node
// What one axe check costs, by how axe is injected (issue 17; docs/testing.md "e2e: axe injected once").
// Against a running production server on the demo data (E2E_BASE_URL, e.g. `next start` on a prepared PGlite):
//   E2E_BASE_URL=http://127.0.0.1:3450 node bench/e2e-axe.mjs [rounds=3] [checks=6]
// One page, signed in as a supervisor, kept (as e2e/fixtures.ts keeps it). Modes, interleaved round by round:
//   builder  AxeBuilder in legacy mode as e2e/fixtures.ts used it before: it sends axe's 580 kB source and runs
//            it twice a check (`analyze`, then its injection into each frame)
//   once     the source injected once per document, AxeBuilder handed a no-op source (e2e/fixtures.ts now)
// Each check is made on a freshly loaded page (cycling /cases, /, a case's page; loaded to network idle outside
// the measure); only the check is measured: Chromium's CPU summed over the browser's session from /proc (live
// processes' utime + stime, plus what the zygote reaped), and this process's (Playwright's client and driver
// both run here) from process.cpuUsage(). Same rules, tags and options in both; the violations are compared.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3450';
const ROUNDS = Number(process.argv[2] ?? 3);
const CHECKS = Number(process.argv[3] ?? 6);
const TICK = 100;
const require = createRequire(import.meta.url);
const AXE_SOURCE = createRequire(require.resolve('@axe-core/playwright'))('axe-core').source;

function sessionCpu(sid) {
  let total = 0;
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    let s;
    try { s = fs.readFileSync(`/proc/${p}/stat`, 'utf8'); } catch { continue; }
    const r = s.slice(s.lastIndexOf(')') + 2).split(' ');
    if (Number(r[3]) !== sid) continue;
    total += (Number(r[11]) + Number(r[12]) + Number(r[13]) + Number(r[14])) / TICK;
  }
  return total;
}
const ownCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const executablePath = process.env.CHROMIUM_PATH || execFileSync(process.execPath, ['scripts/find-browser.mjs', '--no-install'], { encoding: 'utf8' }).trim();
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const server = await chromium.launchServer({ executablePath, args, headless: true });
const sid = server.process().pid;
const browser = await chromium.connect(server.wsEndpoint());
const context = await browser.newContext({ baseURL: BASE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 720 } });
const csrf = await (await context.request.get('/api/auth/csrf')).json();
await context.request.post('/api/auth/callback/credentials', {
  form: { csrfToken: csrf.csrfToken, email: 'supervisor@rectify.demo', password: 'rectify-demo', callbackUrl: `${BASE}/`, json: 'true' },
  headers: { origin: BASE }, maxRedirects: 0,
});
const { items } = await (await context.request.get('/api/v1/cases?limit=1')).json();
const PAGES = ['/cases', '/', `/cases/${items[0].id}`];
const page = await context.newPage();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const checks = {
  builder: () => new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(TAGS).setLegacyMode().analyze(),
  async once() {
    for (const frame of page.frames()) {
      const present = await frame.evaluate(() => typeof window.axe?.run === 'function').catch(() => true);
      if (!present) await frame.evaluate(AXE_SOURCE).catch(() => undefined);
    }
    return new AxeBuilder({ page, axeSource: 'void 0' }).options({ resultTypes: ['violations'] }).withTags(TAGS).setLegacyMode().analyze();
  },
};
const MODES = Object.keys(checks);
const sums = Object.fromEntries(MODES.map((m) => [m, { chromium: 0, node: 0, n: 0 }]));
const found = Object.fromEntries(MODES.map((m) => [m, new Set()]));
for (let round = -1; round < ROUNDS; round++) { // round -1: warm-up, not counted
  for (const mode of MODES) {
    for (let i = 0; i < CHECKS; i++) {
      await page.goto(PAGES[i % PAGES.length]);
      await page.waitForLoadState('networkidle');
      await new Promise((r) => setTimeout(r, 300));
      const [c0, n0] = [sessionCpu(sid), ownCpu()];
      const { violations } = await checks[mode]();
      const [c1, n1] = [sessionCpu(sid), ownCpu()];
      for (const v of violations) found[mode].add(`${PAGES[i % PAGES.length]} ${v.id} ${v.nodes.length}`);
      if (round < 0) continue;
      sums[mode].chromium += c1 - c0; sums[mode].node += n1 - n0; sums[mode].n++;
    }
  }
}
const base = sums[MODES[0]];
for (const mode of MODES) {
  const s = sums[mode];
  console.log(`${mode.padEnd(8)} Chromium ${(s.chromium / s.n).toFixed(3)} s a check (ratio ${(s.chromium / base.chromium).toFixed(2)}), Playwright (node) ${(s.node / s.n).toFixed(3)} s a check (ratio ${(s.node / base.node).toFixed(2)}), ${s.n} checks; violations: ${[...found[mode]].sort().join('; ') || 'none'}`);
}
await browser.close();
await server.close();
