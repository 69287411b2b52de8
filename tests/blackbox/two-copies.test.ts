/**
 * A test of the whole (issue #14): two production servers, each with its own folder (log, evidence,
 * TMPDIR), on one Postgres database (a throwaway cluster of their own, support/pg-cluster.ts) with the
 * same NEXTAUTH_SECRET, behind Debian's nginx (round-robin, support/nginx.ts; each answer names its
 * copy in X-Upstream). A session made through one copy works on the other; evidence uploaded through
 * one downloads, byte for byte, from the other; and Postgres restarted under traffic through the
 * balancer gets only prompt 503s from either copy, both recovering by themselves. Last, a 40,000-row
 * import is started through one copy and the copy running it is killed (`kill -9`) mid-run: the other
 * copy takes the job over and it ends succeeded with every row, or failed with nothing applied.
 * Postgres pass only: it needs Postgres (the embedded database is one process by design).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/png';
import { loginAs, type Session } from './support/client';
import { fileBody, readJob, settled, subjectsNamed, waitForJob, writeKillImport } from './support/import-file';
import { findOrInstallNginx, startNginx, type Balancer } from './support/nginx';
import { clusterUnavailable, startCluster, type PgCluster } from './support/pg-cluster';
import { freePort, preparedDump, startServer, tail, type RunningServer } from './support/server';
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
    const url = await cluster.createDatabase('rectify', preparedDump());
    const lbPort = await freePort();
    const publicUrl = `http://127.0.0.1:${lbPort}`;
    const secret = crypto.randomBytes(32).toString('base64url');
    // One after the other, each start running prepare-db on the database restored from the pass's prepared one
    // (support/server.ts preparedDump; without pg_dump the first migrates and seeds it, the second finds it done).
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

  // Last: it leaves one copy dead behind the balancer.
  it('kill -9 of the copy running a 40,000-row import: the other copy ends it, every row or nothing', async () => {
    const tag = `two-copies-${Date.now().toString(36)}`;
    const f = await writeKillImport(copies[0]!.dir, tag, 40_000);
    const up = await direct(copies[0]!, `/api/v1/imports?filename=${tag}.csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, ...fileBody(f.file) });
    expect(up.status, await up.clone().text()).toBe(202);
    const { job: queued } = (await up.json()) as { job: { id: number } };
    const id = queued.id;
    // The copy whose log names the job's first attempt runs it (usually the one it was sent to: its runner is woken at once).
    const attempt1 = new RegExp(`\\[imports\\] job ${id}: attempt 1 run by`);
    const runnerOf = () => copies.findIndex((c) => attempt1.test(fs.readFileSync(c.logFile, 'utf8')));
    const running = await waitForJob((p) => direct(copies[1]!, p), id, (j) => j.status === 'running' && j.processedRows > 0 && runnerOf() >= 0, 60_000);
    expect(running?.status, `job ${id} did not start: ${JSON.stringify(running)}\n${copies.map((c) => tail(c.logFile, 10)).join('\n')}`).toBe('running');
    const victim = runnerOf();
    const survivor = copies[1 - victim]!;
    const seenAtKill = (await readJob((p) => direct(copies[1 - victim]!, p), id))!;
    const killedAt = Date.now();
    await copies[victim]!.kill();

    // Taken over: a new attempt (started after the kill) on the survivor, or failed at once with nothing applied.
    const get = (p: string) => direct(survivor, p);
    const retaken = await waitForJob(get, id, (j) => settled(j) || (j.status === 'running' && j.startedAt !== seenAtKill.startedAt), 30_000);
    const retakenMs = Date.now() - killedAt;
    const end = await waitForJob(get, id, settled, 240_000, 250);
    const endMs = Date.now() - killedAt;
    const subjects = await subjectsNamed(get, f.subjectName);
    const survivorLog = fs.readFileSync(survivor.logFile, 'utf8');
    console.log(
      `[two-copies] import kill: ${f.rows} rows (${(f.bytes / 1024 / 1024).toFixed(1)} MB) sent through copy a, run by copy ${'ab'[victim]}; ` +
        `killed at ${seenAtKill.phase} ${seenAtKill.processedRows}/${seenAtKill.totalRows} rows\n` +
        `  taken over by copy ${'ab'[1 - victim]} ${retakenMs} ms after the kill (${retaken?.status}), ended ${end?.status} ${endMs} ms after the kill: ` +
        `${end?.counts.created.findings ?? '?'} findings created, ${end?.counts.known ?? '?'} known, ${end?.counts.rejected ?? '?'} rejected, ` +
        `subjects of the file present: ${subjects}; error: ${end?.error ?? 'none'}`,
    );
    expect(survivorLog, 'the survivor saw the dead runner').toMatch(new RegExp(`jobs whose runner stopped: (.*, )?${id} (queued|failed)`));
    expect(retaken, `the job was not taken over within 30 s of the kill: ${JSON.stringify(retaken)}`).not.toBeNull();
    expect(end && settled(end), `job ${id} did not end within 240 s of the kill: ${JSON.stringify(end)}\n${tail(survivor.logFile, 20)}`).toBe(true);
    if (end!.status === 'succeeded') {
      expect(end).toMatchObject({ totalRows: f.rows, processedRows: f.rows, error: null });
      expect(end!.counts.created.findings).toBe(f.rows);
      expect(end!.counts.rejected).toBe(0);
      expect(subjects).toBe(1);
    } else {
      expect(end!.status).toBe('failed');
      expect(end!.error).toMatch(/nothing was applied/);
      expect(subjects, 'rows of a failed import').toBe(0);
    }
  }, 360_000);
});
