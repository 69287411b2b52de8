/**
 * `npm run bench:pages`: each page's throughput at 10 connections as a ratio of `/api/health`, in the
 * same run, against a running production server (`next start` / `npm start`) on Postgres. A benchmark,
 * not a timed test: it writes the figures, it fails on nothing but a page that does not answer 200 before
 * the load (errors and timeouts under load, at 30 s a request, are recorded with the page, which is then not met).
 *
 *   BASE_URL=http://127.0.0.1:3000 npm run bench:pages
 *
 * Before measuring it makes sure the server's database holds at least BENCH_PAGES_CASES cases (default
 * 25,000): fewer, and it imports a generated file through the import API as the demo inspector (the
 * demo seed is needed: `RECTIFY_SEED=demo`) and waits for the job. Each page is loaded for
 * BENCH_PAGES_SECONDS (default 10) after a 2 s warm-up; public pages without a session, staff pages as
 * the demo supervisor. `/api/health` is measured first and last; the baseline is the mean of the two.
 * Writes `results.pages` in bench/results.json (the rest kept) and bench/results/pages.json.
 * CONNECTIONS, PAGES (comma-separated names) change the defaults.
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultStatsPeriod } from '../lib/stats/links';
import { officeToday } from '../lib/time';
import { writeCsvFile } from '../tests/support/import-file';
import { machineInfo, writeBenchJson } from './lib/output';

const base = new URL(process.env.BASE_URL ?? 'http://127.0.0.1:3000');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new Error('bench:pages only targets this machine (127.0.0.1 / localhost).');
const connections = Number(process.env.CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_PAGES_SECONDS ?? 10);
const wantCases = Number(process.env.BENCH_PAGES_CASES ?? 25_000);
const log = (m: string) => console.log(`[bench:pages] ${m}`);

/** Signs in through next-auth's credentials flow and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(new URL('/api/auth/csrf', base));
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(new URL('/api/auth/callback/credentials', base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: process.env.PASSWORD ?? 'rectify-demo', json: 'true' }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.includes('session-token'));
  if (!session) throw new Error(`could not sign in as ${email} (status ${res.status}); is the demo seeded (RECTIFY_SEED=demo)?`);
  return session;
}

/** The number of cases the server holds (the dashboard summary's total). */
async function caseCount(cookie: string): Promise<number> {
  const res = await fetch(new URL('/api/v1/stats/summary', base), { headers: { cookie } });
  if (!res.ok) throw new Error(`/api/v1/stats/summary answers ${res.status}`);
  const body = (await res.json()) as { cases: { current: Record<string, number> } };
  return Object.values(body.cases.current).reduce((a, b) => a + b, 0);
}

/** Imports generated findings (2 rows an inspection, so rows / 2 cases) until the server holds `want` cases. */
async function ensureCases(want: number): Promise<number> {
  const cookie = await signIn('inspector@rectify.demo');
  let have = await caseCount(cookie);
  if (have >= want) return have;
  const rows = (want - have) * 2;
  const file = path.join(os.tmpdir(), `rectify-bench-pages-${rows}.csv`);
  log(`${have} cases; importing ${rows} rows (${file})`);
  await writeCsvFile(file, rows, { source: `bench-pages-${Date.now().toString(36)}` });
  const res = await fetch(new URL('/api/v1/imports?filename=bench-pages.csv', base), {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/csv', 'content-length': String(fs.statSync(file).size) },
    body: fs.readFileSync(file),
  });
  if (res.status !== 202) throw new Error(`the import answers ${res.status}: ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const j = (await (await fetch(new URL(`/api/v1/imports/${job.id}`, base), { headers: { cookie } })).json()) as { status?: string; job?: { status?: string } };
    const status = j.job?.status ?? j.status;
    if (status === 'failed' || status === 'cancelled') throw new Error(`the import ${job.id} ${status}`);
    if (status === 'succeeded') break;
  }
  have = await caseCount(cookie);
  log(`${have} cases after the import`);
  return have;
}

interface Page {
  name: string;
  path: string;
  staff: boolean;
  group: 'baseline' | 'public' | 'staff';
}

async function measure(page: Page, cookie: string) {
  const headers: Record<string, string> = page.staff ? { cookie } : {};
  const first = await fetch(new URL(page.path, base), { headers, redirect: 'manual' });
  if (first.status !== 200) throw new Error(`${page.path} answers ${first.status} before the load`);
  await first.arrayBuffer();
  // 30 s per request: on a machine shared with builds a heavy page can take longer than autocannon's 10 s.
  const run = (duration: number) => autocannon({ url: new URL(page.path, base).toString(), connections, duration, headers, timeout: 30 });
  await run(2);
  const r = await run(seconds);
  // A failure under load is recorded with the page (and the page counts as not met), not thrown: the other pages are still measured.
  const failed = { non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
  if (r.non2xx + r.errors + r.timeouts) log(`${page.path}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts under load`);
  return { requests: r.requests.total, requestsPerSecond: +r.requests.average.toFixed(1), latencyMs: { p50: r.latency.p50, p99: r.latency.p99 }, failed };
}

async function main() {
  const cases = await ensureCases(wantCases);
  const cookie = await signIn('supervisor@rectify.demo');
  const list = (await (await fetch(new URL('/api/public/notices', base))).json()) as { notices: { slug: string }[] };
  const slug = list.notices[0]?.slug;
  if (!slug) throw new Error('no published notice: seed the demo (RECTIFY_SEED=demo)');
  const all: Page[] = [
    { name: 'health', path: '/api/health', staff: false, group: 'baseline' },
    { name: 'public notices API', path: '/api/public/notices', staff: false, group: 'public' },
    { name: 'public notice API', path: `/api/public/notices/${slug}`, staff: false, group: 'public' },
    { name: 'notice list', path: '/notices', staff: false, group: 'public' },
    { name: 'notice', path: `/notices/${slug}`, staff: false, group: 'public' },
    { name: 'notice print', path: `/notices/${slug}/print`, staff: false, group: 'public' },
    { name: 'feed', path: '/notices/feed.xml', staff: false, group: 'public' },
    { name: 'stats summary API', path: '/api/v1/stats/summary', staff: true, group: 'staff' },
    // `/` alone redirects to the default period (the last twelve months) written into the URL.
    { name: 'dashboard', path: `/?${new URLSearchParams(defaultStatsPeriod(officeToday()))}`, staff: true, group: 'staff' },
    { name: 'case list', path: '/cases', staff: true, group: 'staff' },
    { name: 'cases API', path: '/api/v1/cases?limit=50', staff: true, group: 'staff' },
    { name: 'subject list', path: '/subjects', staff: true, group: 'staff' },
    { name: 'operator list', path: '/operators', staff: true, group: 'staff' },
    { name: 'queue', path: '/queue', staff: true, group: 'staff' },
  ];
  const only = process.env.PAGES?.split(',').map((s) => s.trim());
  const pages = all.filter((p) => p.group === 'baseline' || !only || only.includes(p.name));
  const machineBefore = machineInfo();
  const measured: (Page & Awaited<ReturnType<typeof measure>>)[] = [];
  for (const page of pages) {
    const m = await measure(page, cookie);
    log(`${page.path}: ${m.requestsPerSecond} req/s (p50 ${m.latencyMs.p50} ms)`);
    measured.push({ ...page, ...m });
  }
  const healthLast = await measure(pages[0]!, cookie);
  log(`/api/health again: ${healthLast.requestsPerSecond} req/s`);
  const healthFirst = measured[0]!;
  const baseline = (healthFirst.requestsPerSecond + healthLast.requestsPerSecond) / 2;
  const goals = { public: 0.5, staff: 0.15 };
  const rows = measured.slice(1).map((m) => {
    const ratio = +(m.requestsPerSecond / baseline).toFixed(3);
    const goal = m.group === 'public' ? goals.public : goals.staff;
    const clean = !(m.failed.non2xx + m.failed.errors + m.failed.timeouts);
    return { page: m.name, path: m.path, group: m.group, requestsPerSecond: m.requestsPerSecond, ratio, goal, met: clean && ratio >= goal, latencyMs: m.latencyMs, failed: m.failed };
  });
  const result = {
    at: new Date().toISOString(),
    command: 'npm run bench:pages',
    server: base.origin,
    connections,
    secondsPerPage: seconds,
    cases,
    loadAverage: { before: machineBefore.loadAverage, after: machineInfo().loadAverage },
    machine: machineInfo(),
    health: { first: healthFirst.requestsPerSecond, last: healthLast.requestsPerSecond, baseline: +baseline.toFixed(1) },
    goal: `public pages ≥ ${goals.public}× /api/health, staff pages ≥ ${goals.staff}× (10 connections, same run)`,
    met: rows.every((r) => r.met),
    results: rows,
  };
  writeBenchJson('results/pages.json', result);
  const file = path.join(process.cwd(), 'bench', 'results.json');
  const summary = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: Record<string, unknown> }) : {};
  summary.results = { ...(summary.results ?? {}), pages: result };
  writeBenchJson('results.json', summary);
  console.log('\n| page | req/s | ratio | goal | p50 ms |\n| --- | --- | --- | --- | --- |');
  console.log(`| \`/api/health\` | ${result.health.baseline} | 1× | — | — |`);
  for (const r of rows) console.log(`| \`${r.path}\` | ${r.requestsPerSecond} | ${r.ratio}× | ${r.met ? 'met' : 'not met'} (≥ ${r.goal}×) | ${r.latencyMs.p50} |`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
