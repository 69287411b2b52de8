#!/usr/bin/env node
// What a staff page load costs Chromium, by how the page is made (issue 17; docs/testing.md "e2e: …
// Chromium's CPU per page load"). Against a running production server on the demo data
// (E2E_BASE_URL, e.g. the one scripts/e2e.mjs starts, or `next start` on a prepared PGlite):
//   E2E_BASE_URL=http://127.0.0.1:3600 node bench/e2e-page-reuse.mjs [rounds=3] [loads=9]
// Modes, interleaved round by round (the baseline is `context`, the suite's way before):
//   context  a new browser context per load (signed in by HTTP), closed after it
//   page     one context per round, a new page per load, closed after it
//   same     one page per round, navigated load after load
//   neutral  one page per round; between loads a same-origin image (/favicon.ico), storage and cookies
//            cleared, signed in again (the renderer stays: e2e/fixtures.ts's reuse)
//   reset    one page per round; between loads about:blank, cookies and storage cleared, signed in again
// Loads cycle through /cases, / (the dashboard) and a case's page, each waited for until the network is
// idle (hydrated). Chromium's CPU is summed over every process of the browser's session from /proc:
// utime + stime of the live ones plus cutime + cstime (the renderers a zygote has reaped), at the start
// and end of each mode's round.
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3600';
const ROUNDS = Number(process.argv[2] ?? 3);
const LOADS = Number(process.argv[3] ?? 9);
const MODES = (process.env.MODES ?? 'context,page,same,neutral,reset').split(',');
const TICK = 100; // clock ticks a second (getconf CLK_TCK)

function sessionCpu(sid) {
  let total = 0;
  const procs = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    let s;
    try {
      s = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    } catch {
      continue;
    }
    const r = s.slice(s.lastIndexOf(')') + 2).split(' ');
    if (Number(r[3]) !== sid) continue;
    const own = (Number(r[11]) + Number(r[12])) / TICK;
    const children = (Number(r[13]) + Number(r[14])) / TICK;
    total += own + children;
    procs.push({ pid: Number(p), own, children });
  }
  return { total, procs };
}

const executablePath = process.env.CHROMIUM_PATH || execFileSync(process.execPath, ['scripts/find-browser.mjs', '--no-install'], { encoding: 'utf8' }).trim();
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.env.EXTRA_ARGS ? process.env.EXTRA_ARGS.split(' ') : [])];
const server = await chromium.launchServer({ executablePath, args, headless: true });
const sid = server.process().pid; // launched detached: its own session, which every Chromium process keeps
const browser = await chromium.connect(server.wsEndpoint());
const contextOptions = { baseURL: BASE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 720 } };

async function signIn(context) {
  const csrf = await (await context.request.get('/api/auth/csrf')).json();
  await context.request.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, email: 'supervisor@rectify.demo', password: 'rectify-demo', callbackUrl: `${BASE}/`, json: 'true' },
    headers: { origin: BASE },
    maxRedirects: 0,
  });
}

// A case's page: the first case of the list.
const probe = await browser.newContext(contextOptions);
await signIn(probe);
const { items } = await (await probe.request.get('/api/v1/cases?limit=1')).json();
await probe.close();
const PAGES = ['/cases', '/', `/cases/${items[0].id}`];

async function load(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
}

const runs = {
  async context() {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext(contextOptions);
      await signIn(context);
      const page = await context.newPage();
      await load(page, PAGES[i % PAGES.length]);
      await context.close();
    }
  },
  async page() {
    const context = await browser.newContext(contextOptions);
    await signIn(context);
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      await load(page, PAGES[i % PAGES.length]);
      await page.close();
    }
    await context.close();
  },
  async same() {
    const context = await browser.newContext(contextOptions);
    await signIn(context);
    const page = await context.newPage();
    for (let i = 0; i < LOADS; i++) await load(page, PAGES[i % PAGES.length]);
    await context.close();
  },
  async neutral() {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    for (let i = 0; i < LOADS; i++) {
      if (i > 0) {
        await page.goto('/favicon.ico');
        await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
      }
      await context.clearCookies();
      await signIn(context);
      await load(page, PAGES[i % PAGES.length]);
    }
    await context.close();
  },
  async reset() {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    for (let i = 0; i < LOADS; i++) {
      await page.goto('about:blank');
      await context.clearCookies();
      await signIn(context);
      await load(page, PAGES[i % PAGES.length]);
      await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
    }
    await context.close();
  },
};

const sums = Object.fromEntries(MODES.map((m) => [m, []]));
await runs.context(); // warm-up: the server's first renders, the browser's first contexts
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of MODES) {
    await new Promise((r) => setTimeout(r, 500));
    const { total: before, procs: procsBefore } = sessionCpu(sid);
    const started = Date.now();
    await runs[mode]();
    await new Promise((r) => setTimeout(r, 500)); // the closed renderers exit and are reaped
    const after = sessionCpu(sid);
    const cpu = after.total - before;
    const born = after.procs.filter((p) => !procsBefore.some((q) => q.pid === p.pid)).length;
    sums[mode].push(cpu);
    console.log(`round ${round + 1} ${mode.padEnd(8)} ${cpu.toFixed(2)} s Chromium CPU for ${LOADS} loads (${(cpu / LOADS).toFixed(3)} s a load), ${((Date.now() - started) / 1000).toFixed(1)} s wall, ${born} processes born and alive`);
  }
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const base = mean(sums[MODES[0]]);
for (const mode of MODES) {
  const m = mean(sums[mode]);
  console.log(`${mode.padEnd(8)} ${(m / LOADS).toFixed(3)} s a load (mean of ${ROUNDS} rounds), ratio to ${MODES[0]} ${(m / base).toFixed(2)}`);
}
await browser.close();
await server.close();
