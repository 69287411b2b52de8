/**
 * Issue #13, finding 9 (DESIGN §10): `npm start` on a real Postgres. Without NEXTAUTH_SECRET it stops
 * before anything is written, with one clear line and a non-zero exit (it used to seed the demo
 * accounts, whose passwords the README publishes, into the real database and then die in `next
 * build`); with it, the demo is seeded only when asked (RECTIFY_SEED=demo). Runs the real start
 * script on a fresh database of its own (`fresh`: migrated from nothing, not a copy of the pass's
 * prepared database); Postgres only (TEST_DATABASE_URL).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/build-state.mjs';
import { CookieJar, request } from './support/client';
import { startServer } from './support/server';

const adminUrl = process.env.TEST_DATABASE_URL;
const created: string[] = [];

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `rectify_bb_start_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  await admin(adminUrl!, (c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const u = new URL(adminUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

afterAll(async () => {
  for (const name of created) await admin(adminUrl!, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

/** `npm start` (node scripts/start.mjs) with this environment; its exit and everything it printed. */
function npmStart(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  const full: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NODE_OPTIONS: undefined, VITEST: undefined, TEST_DATABASE_URL: undefined, NEXTAUTH_SECRET: undefined, AUTH_SECRET: undefined, RECTIFY_SEED: undefined, ...env })) if (v !== undefined) full[k] = v;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env: full as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      resolve({ code: null, output, timedOut: true });
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut: false });
    });
  });
}

describe.skipIf(!adminUrl)('npm start on a real Postgres', () => {
  it('without NEXTAUTH_SECRET: one clear line, a non-zero exit, and nothing written to the database', async () => {
    const url = await freshDatabase();
    const started = Date.now();
    const run = await npmStart({ DATABASE_URL: url, PORT: '0' });
    expect(run.timedOut, `npm start kept running:\n${run.output.slice(-2000)}`).toBe(false);
    expect(run.code).not.toBe(0);
    const lines = run.output.trim().split('\n').filter(Boolean);
    expect(lines, run.output.slice(-2000)).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[rectify\] NEXTAUTH_SECRET is not set\..*DATABASE_URL/);
    expect(Date.now() - started).toBeLessThan(30_000); // before any build
    const tables = await admin(url, (c) => c.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`));
    expect(tables.rows[0].n).toBe(0);
  });

  it('with NEXTAUTH_SECRET and no RECTIFY_SEED: it serves, and the published demo accounts do not exist', async () => {
    // From nothing, not a copy of the pass's prepared database (which holds the demo): this is the
    // first `npm start` on an empty Postgres database, every migration applied by the start script.
    const srv = await startServer({ label: 'no-demo', database: 'postgres', env: { RECTIFY_SEED: '' }, fresh: 'the first start on an empty database, without the demo' });
    try {
      expect((await request('/api/health', {}, srv.baseUrl)).status).toBe(200);
      const jar = new CookieJar();
      const csrf = await request('/api/auth/csrf', {}, srv.baseUrl);
      jar.absorb(csrf);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const res = await request('/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), origin: srv.baseUrl },
        body: new URLSearchParams({ csrfToken, email: 'admin@rectify.demo', password: 'rectify-demo', callbackUrl: srv.baseUrl, json: 'true' }),
      }, srv.baseUrl);
      jar.absorb(res);
      expect(jar.get('next-auth.session-token')).toBeUndefined();
      const users = await admin(srv.databaseUrl!, (c) => c.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@rectify.demo'`));
      expect(users.rows[0].n).toBe(0);
    } finally {
      await srv.stop();
    }
  });
});
