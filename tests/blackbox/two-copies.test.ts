/**
 * A test of the whole (issue #14): two production servers, each with its own folder (log, evidence,
 * TMPDIR), on one Postgres database (a throwaway cluster of their own, support/pg-cluster.ts) with the
 * same NEXTAUTH_SECRET, behind Debian's nginx (round-robin, support/nginx.ts; each answer names its
 * copy in X-Upstream). A session made through one copy works on the other; evidence uploaded through
 * one downloads, byte for byte, from the other; and Postgres restarted under traffic through the
 * balancer gets only prompt 503s from either copy, both recovering by themselves.
 * Postgres pass only: it needs Postgres (the embedded database is one process by design).
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/png';
import { loginAs, type Session } from './support/client';
import { findOrInstallNginx, startNginx, type Balancer } from './support/nginx';
import { clusterUnavailable, startCluster, type PgCluster } from './support/pg-cluster';
import { freePort, startServer, tail, type RunningServer } from './support/server';
import { countAnswers, outageProblem, Traffic } from './support/traffic';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let why: string | null = onPostgres ? clusterUnavailable() : 'the Postgres pass runs it (TEST_DATABASE_URL)';
const nginx = why ? null : findOrInstallNginx();
if (nginx && 'problem' in nginx) why = nginx.problem;
if (why) console.warn(`[two-copies] skipped: ${why}`);

/** A valid PNG carrying `size` random bytes in an ancillary chunk: big, and different every run. */
function bigPng(size: number): Buffer {
  const png = makePng(7, 64, 48);
  const iend = png.subarray(png.length - 12);
  const data = crypto.randomBytes(size);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(size, 0);
  head.write('ruBt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([png.subarray(0, png.length - 12), head, data, crc, iend]);
}

describe.skipIf(why !== null)('two copies behind nginx on one Postgres', () => {
  let cluster: PgCluster;
  let lb: Balancer;
  const copies: RunningServer[] = [];
  let inspector: Session;
  let caseId: number;
  const copyOf = (res: Response) => {
    const port = Number(res.headers.get('x-upstream')?.split(':').pop());
    return copies.findIndex((c) => c.port === port);
  };
  /** A request straight to one copy, with the session's cookie and the site's Origin (as through the balancer). */
  const direct = (copy: RunningServer, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', inspector.cookie());
    if (init.method && init.method !== 'GET') headers.set('origin', lb.baseUrl);
    return fetch(`${copy.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
  };

  beforeAll(async () => {
    cluster = await startCluster('copies');
    const url = await cluster.createDatabase('rectify');
    const lbPort = await freePort();
    const publicUrl = `http://127.0.0.1:${lbPort}`;
    const secret = crypto.randomBytes(32).toString('base64url');
    // One after the other: the first migrates and seeds, the second finds it done.
    for (const label of ['copy-a', 'copy-b']) {
      copies.push(await startServer({ database: 'postgres', databaseUrl: url, secret, label, env: { NEXTAUTH_URL: publicUrl } }));
    }
    lb = await startNginx((nginx as { bin: string }).bin, copies.map((c) => c.port), lbPort);
    inspector = await loginAs('inspector', { baseUrl: lb.baseUrl, fresh: true });
    caseId = ((await (await inspector.fetch('/api/v1/cases?limit=1')).json()) as { items: { id: number }[] }).items[0]!.id;
  });

  afterAll(async () => {
    await lb?.stop();
    for (const c of copies) await c.stop();
    cluster?.destroy();
  });

  it('balances round-robin, and a session made through one copy works on the other', async () => {
    const served: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await inspector.fetch('/api/v1/users/me');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { email: string }).email).toMatch(/^inspector@/);
      served.push(copyOf(res));
    }
    expect(new Set(served), `copies that answered: ${served.join(',')}`).toEqual(new Set([0, 1]));
    for (const copy of copies) {
      const res = await direct(copy, '/api/v1/users/me');
      expect(res.status, `the session on ${copy.baseUrl}`).toBe(200);
      const page = await direct(copy, '/cases');
      expect(page.status, `a page on ${copy.baseUrl}`).toBe(200);
    }
  });

  it('downloads from one copy the evidence uploaded through the other, byte for byte', async () => {
    const bytes = bigPng(3 * 1024 * 1024);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), '两台副本.png');
    const up = await direct(copies[0]!, '/api/v1/evidence', { method: 'POST', body: form });
    expect(up.status, await up.clone().text()).toBeLessThan(300);
    const { sha256 } = (await up.json()) as { sha256: string };
    expect(sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const down = await direct(copies[1]!, `/api/v1/evidence/${sha256}`);
    expect(down.status, tail(copies[1]!.logFile)).toBe(200);
    const got = Buffer.from(await down.arrayBuffer());
    expect(got.length).toBe(bytes.length);
    expect(got.equals(bytes)).toBe(true);
    // And through the balancer, whichever copy answers.
    for (let i = 0; i < 2; i++) {
      const res = await inspector.fetch(`/api/v1/evidence/${sha256}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('restarts Postgres under traffic through the balancer: prompt 503s from both copies, then 2xx again', async () => {
    const traffic = new Traffic(20_000);
    let n = 0;
    const viaLb = (path: string, init: RequestInit = {}) => inspector.fetch(path, { ...init, redirect: 'manual' });
    const upstreams = new Map<string, number>();
    const counted = async (res: Promise<Response>) => {
      const r = await res;
      const key = `copy ${'ab'[copyOf(r)] ?? '?'}`;
      upstreams.set(key, (upstreams.get(key) ?? 0) + 1);
      return r;
    };
    traffic.start([
      { name: 'api-read', send: (signal) => counted(viaLb('/api/v1/cases?limit=5', { signal })) },
      {
        name: 'api-write',
        send: (signal) =>
          counted(
            viaLb(`/api/v1/cases/${caseId}/comments`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ body: `two copies ${++n}` }),
              signal,
            }),
          ),
      },
      { name: 'page', send: (signal) => counted(viaLb('/cases', { signal })) },
    ]);
    expect(await traffic.untilEachSucceeds(0, 2, 60_000), 'every loop answers before the restart').toBe(true);
    const stopAt = Date.now();
    await cluster.stop();
    await new Promise((r) => setTimeout(r, 3_000));
    await cluster.start();
    const startedAt = Date.now();
    const recovered = await traffic.untilEachSucceeds(startedAt, 2, 30_000);
    const recoveredAt = Date.now();
    await new Promise((r) => setTimeout(r, 1_000));
    await traffic.stop();

    const { before, during, after } = traffic.phases(stopAt, startedAt);
    console.log(
      `[two-copies] Postgres stopped, down 3 s, started; every loop 2xx again ${recoveredAt - startedAt} ms after the start\n` +
        `  before: ${JSON.stringify(countAnswers(before))}\n  during: ${JSON.stringify(countAnswers(during))}\n` +
        `  after:  ${JSON.stringify(countAnswers(after))}\n  answers per copy: ${JSON.stringify(Object.fromEntries(upstreams))}\n` +
        `  slowest answer during the outage: ${Math.max(0, ...during.map((a) => a.ms))} ms`,
    );
    expect(before.filter((a) => a.status !== 200 && a.status !== 201), 'before the stop').toEqual([]);
    const problems = during.map((a) => outageProblem(a, a.loop === 'page' ? 'page' : 'api')).filter(Boolean);
    expect(problems, copies.map((c) => tail(c.logFile, 15)).join('\n')).toEqual([]);
    expect(during.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(20_000);
    expect(recovered, 'every loop 2xx again within 30 s').toBe(true);
    expect([...upstreams.keys()].sort()).toEqual(['copy a', 'copy b']);
    const settled = traffic.answers.filter((a) => a.sentAt >= recoveredAt);
    expect(settled.filter((a) => typeof a.status !== 'number' || a.status >= 300).map((a) => `${a.loop} ${a.status} ${a.detail}`)).toEqual([]);
    for (const copy of copies) expect((await fetch(`${copy.baseUrl}/api/health`)).status).toBe(200);
  });
});
