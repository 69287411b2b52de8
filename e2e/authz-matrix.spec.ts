import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS, expect, test } from './fixtures';
import { routeMethods } from '../lib/http/route-methods.cjs';
import { API, EXEMPT, PAGES, type Outcome, type Row, type Who } from './authz/matrix';

/** Every route.ts (its methods: the one table, lib/http/route-methods.cjs) and page.tsx under app/, as `METHOD /path` (route groups dropped). */
function routeFiles(): string[] {
  const out = routeMethods('app').flatMap((r) => r.methods.filter((m) => m !== 'HEAD' && m !== 'OPTIONS').map((m) => `${m} ${r.route}`));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'page.tsx') {
        const url = '/' + path.relative('app', path.dirname(full)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/');
        out.push(`GET ${url}`);
      }
    }
  };
  walk('app');
  return [...new Set(out)].filter((r) => !EXEMPT.includes(r.split(' ')[1]!)).sort();
}

test('every route and page has a row in the authorization matrix', () => {
  const rows = new Set([...API, ...PAGES].map((r) => r.route));
  const missing = routeFiles().filter((r) => !rows.has(r) && !(r.startsWith('GET /api/v1/[...path]') || /^(POST|PUT|PATCH|DELETE) \/api\/v1\/\[\.\.\.path\]$/.test(r)));
  expect(missing, 'add these to e2e/authz/matrix.ts').toEqual([]);
});

async function sessionCookie(request: APIRequestContext, email: string, password: string): Promise<string> {
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = await csrf.json();
  const res = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' }, maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie, `signed in as ${email}`).toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}

function verdict(status: number, location: string | undefined): Outcome {
  if (status === 401 || status === 403) return status;
  if (status >= 300 && status < 400 && location?.includes('/signin')) return 'signin';
  if (status >= 300 && status < 400 && location && new URL(location, 'http://x').pathname === '/portal') return 'portal';
  return 'ok';
}

/**
 * Requests in flight at once. The walk is HTTP only: one at a time, each request waited for the server's
 * answer and then for the next round trip (114 s on PGlite, 73 s on Postgres at load 8–12). A few at
 * once keep the server busy; more than that only queue behind its 2 cores.
 */
const IN_FLIGHT = 4;

test('each route answers each kind of caller as the matrix says', async ({ playwright, baseURL }) => {
  test.setTimeout(180_000);
  const headers: Record<Who, Record<string, string>> = { anonymous: {}, inspector: {}, supervisor: {}, admin: {}, token: {}, contact: {} };
  await Promise.all((['inspector', 'supervisor', 'admin', 'contact'] as const).map(async (who) => {
    const ctx = await playwright.request.newContext({ baseURL });
    headers[who] = { cookie: await sessionCookie(ctx, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password) };
    await ctx.dispose();
  }));
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers.admin });
  const created = await admin.post('/api/v1/tokens', { data: { name: 'authz matrix', role: 'inspector' } });
  headers.token = { authorization: `Bearer ${(await created.json()).secret}` };

  // Every (row, caller) pair; the writes name ids that do not exist (matrix.ts), so their order does not matter.
  const calls = ([...API, ...PAGES] as Row[]).flatMap((row) => (Object.keys(row.expect) as Who[]).map((who) => ({ row, who })));
  const mismatches: string[] = [];
  const client = await playwright.request.newContext({ baseURL });
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < calls.length) {
      const { row, who } = calls[next++]!;
      const [method, pattern] = row.route.split(' ') as [string, string];
      const res = await client.fetch(row.path ?? pattern, { method, headers: headers[who], data: row.body, maxRedirects: 0 });
      const got = verdict(res.status(), res.headers()['location']);
      if (got !== row.expect[who]) mismatches.push(`${row.route} as ${who}: expected ${row.expect[who]}, got ${got} (${res.status()})`);
      if (pattern.startsWith('/api/') && res.status() >= 500) mismatches.push(`${row.route} as ${who}: ${res.status()}`);
      await res.dispose();
    }
  }));
  await admin.dispose();
  await client.dispose();
  expect(mismatches.sort()).toEqual([]);
});
