#!/usr/bin/env node
// Load test: 100 concurrent users for 60 s on the dashboard, the lists and the public notices of a
// running server (`npm start`, or `next start` after a build). Requests stay on this machine.
//   BASE_URL=http://127.0.0.1:3000 npm run load        (CONNECTIONS, DURATION, ROLE to change)
// Writes bench/results/load.json and prints errors and latency percentiles per page.
import autocannon from 'autocannon';
import fs from 'node:fs';
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
  for (const p of PAGES) {
    const res = await fetch(new URL(p, base), { headers: { cookie } });
    if (res.status >= 400) throw new Error(`${p} answers ${res.status} before the load starts`);
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
  instance.on('response', (client, statusCode, _bytes, _time) => {
    const p = client.opts?.path ?? client.parser?.path;
    const bucket = perPath.get(p);
    if (bucket) {
      bucket.requests++;
      if (statusCode >= 300) bucket.non2xx++;
    }
  });
  const result = await instance;
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
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
  };
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', 'load.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(JSON.stringify(summary, null, 2));
  if (summary.errors || summary.timeouts || summary.non2xx) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
