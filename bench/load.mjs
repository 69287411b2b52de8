#!/usr/bin/env node
// Load test: 100 concurrent users for 60 s on the dashboard, the lists and the public notices of a
// running server (`npm start`, or `next start` after a build). Requests stay on this machine.
//   BASE_URL=http://127.0.0.1:3000 npm run load        (CONNECTIONS, DURATION, ROLE to change)
// Writes bench/results/load.json and prints errors and latency percentiles per page. A 503 (the embedded
// database's bounded queue, README "Limits") is counted apart as `busy503`; any other non-2xx, error or
// timeout fails the run.
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = new URL(process.env.BASE_URL ?? 'http://127.0.0.1:3000');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new Error('The load test only targets this machine (127.0.0.1 / localhost).');
const connections = Number(process.env.CONNECTIONS ?? 100);
const duration = Number(process.env.DURATION ?? 60);
const email = `${process.env.ROLE ?? 'supervisor'}@rectify.demo`;

/** Signs in through next-auth's credentials flow and returns the session cookie. */
async function signIn() {
  const csrf = await fetch(new URL('/api/auth/csrf', base));
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await csrf.json();
  const res = await fetch(new URL('/api/auth/callback/credentials', base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: process.env.PASSWORD ?? 'rectify-demo', json: 'true' }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('session-token'));
  if (!session) throw new Error(`could not sign in as ${email} (status ${res.status})`);
  return session;
}

const PAGES = (process.env.PATHS ?? '/,/cases,/subjects,/api/v1/stats/summary,/api/v1/cases?limit=50,/notices,/api/public/notices').split(',');

async function main() {
  const cookie = await signIn();
  // A page that redirects (`/` goes to the dashboard of the default period, written into the URL) is
  // loaded at the address it redirects to, as a browser would end up there.
  for (const [i, p] of PAGES.entries()) {
    const res = await fetch(new URL(p, base), { headers: { cookie }, redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const target = new URL(location, base);
      if (target.origin === base.origin) PAGES[i] = target.pathname + target.search;
    } else if (res.status >= 400) throw new Error(`${p} answers ${res.status} before the load starts`);
    await res.arrayBuffer();
  }
  const perPath = new Map(PAGES.map((p) => [p, { requests: 0, errors: 0, non2xx: 0 }]));
  let i = 0;
  const instance = autocannon({
    url: base.origin,
    connections,
    duration,
    headers: { cookie },
    requests: [
      {
        setupRequest: (req) => {
          const p = PAGES[i++ % PAGES.length];
          req.path = p;
          return req;
        },
      },
    ],
  });
  const statuses = {};
  const times = [];
  instance.on('response', (client, statusCode, _bytes, time) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    times.push(time);
    const p = client.opts?.path ?? client.parser?.path;
    const bucket = perPath.get(p);
    if (bucket) {
      bucket.requests++;
      if (statusCode >= 300) bucket.non2xx++;
    }
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const pct = (q) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]) : null);
  // 503 with Retry-After is the embedded database's bounded queue saying "busy" (README "Limits"): counted apart.
  const busy = statuses[503] ?? 0;
  const summary = {
    at: new Date().toISOString(),
    base: base.origin,
    connections,
    durationSeconds: duration,
    paths: PAGES,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    busy503: busy,
    statuses,
    loadAverage: os.loadavg().map((n) => +n.toFixed(2)),
    // Over every answer (each response's time, as measured by autocannon), p95 included.
    answeredMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) },
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
  };
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', 'load.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(JSON.stringify(summary, null, 2));
  if (summary.errors || summary.timeouts || summary.non2xx - busy) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
