/**
 * Postgres restarted under traffic (issue #14, Faults): a server on a throwaway Postgres cluster of
 * its own (support/pg-cluster.ts; never the shared one) gets steady API reads, API writes and page
 * views while the cluster is stopped (fast shutdown: open connections cut), left down 3 s, and started
 * again. Every answer meanwhile is a prompt 503 — JSON `{ error: { code: 'database_unavailable' } }`
 * with Retry-After from the API, the HTML 503 page (or a redirect to it) for pages — never a hang, a
 * cut connection or a 500; and the same server process answers 2xx again afterwards, without a restart.
 * Postgres pass only (it needs Postgres; the embedded database has no server to restart).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from './support/client';
import { clusterUnavailable, startCluster, type PgCluster } from './support/pg-cluster';
import { preparedDump, startServer, tail, type RunningServer } from './support/server';
import { countAnswers, outageProblem, Traffic } from './support/traffic';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const why = onPostgres ? clusterUnavailable() : 'the Postgres pass runs it (TEST_DATABASE_URL)';
if (why) console.warn(`[postgres-restart] skipped: ${why}`);

describe.skipIf(why !== null)('a Postgres restart under traffic', () => {
  let cluster: PgCluster;
  let server: RunningServer;
  let inspector: Session;
  let caseId: number;

  beforeAll(async () => {
    cluster = await startCluster('restart');
    const url = await cluster.createDatabase('rectify', preparedDump());
    server = await startServer({ database: 'postgres', databaseUrl: url, label: 'pg-restart' });
    inspector = await loginAs('inspector', { baseUrl: server.baseUrl, fresh: true });
    const list = (await (await inspector.fetch('/api/v1/cases?limit=1')).json()) as { items: { id: number }[] };
    caseId = list.items[0]!.id;
  });

  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  it('answers 503 promptly while the database is away and recovers by itself', async () => {
    const traffic = new Traffic(20_000);
    let n = 0;
    traffic.start([
      { name: 'api-read', send: (signal) => inspector.fetch('/api/v1/cases?limit=5', { signal }) },
      { name: 'api-read-2', send: (signal) => inspector.fetch('/api/v1/stats/summary', { signal }) },
      {
        name: 'api-write',
        send: (signal) =>
          inspector.fetch(`/api/v1/cases/${caseId}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ body: `restart probe ${++n}` }),
            signal,
          }),
      },
      { name: 'page', send: (signal) => inspector.fetch('/cases', { signal, redirect: 'manual' }) },
    ]);
    // Warm: every loop answered 2xx twice before the database goes away.
    expect(await traffic.untilEachSucceeds(0, 2, 60_000), 'every loop answers before the restart').toBe(true);
    const stopAt = Date.now();
    await cluster.stop();
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, 3_000));
    await cluster.start();
    const startedAt = Date.now();
    const recovered = await traffic.untilEachSucceeds(startedAt, 1, 30_000);
    const recoveredAt = Date.now();
    await new Promise((r) => setTimeout(r, 2_000));
    await traffic.stop();

    const { before, during, after } = traffic.phases(stopAt, startedAt);
    console.log(
      `[postgres-restart] stop took ${stoppedAt - stopAt} ms, down 3 s, start took ${startedAt - stoppedAt - 3_000} ms, ` +
        `every loop 2xx again ${recoveredAt - startedAt} ms after the start\n` +
        `  before: ${JSON.stringify(countAnswers(before))}\n  during: ${JSON.stringify(countAnswers(during))}\n` +
        `  after:  ${JSON.stringify(countAnswers(after))}\n` +
        `  slowest answer during the outage: ${Math.max(0, ...during.map((a) => a.ms))} ms`,
    );

    expect(before.filter((a) => a.status !== 200 && a.status !== 201), 'before the stop').toEqual([]);
    // During: only the promised answers, promptly, and some 503s were actually met.
    const problems = during.map((a) => outageProblem(a, a.loop === 'page' ? 'page' : 'api')).filter(Boolean);
    expect(problems, tail(server.logFile, 30)).toEqual([]);
    expect(during.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(Math.max(...during.map((a) => a.ms)), 'every answer during the outage within the connect timeout').toBeLessThan(20_000);
    // After: every loop succeeded again, with no restart of the server, and kept succeeding.
    expect(recovered, 'every loop 2xx again within 30 s of the start').toBe(true);
    const settled = traffic.answers.filter((a) => a.sentAt >= recoveredAt);
    expect(settled.filter((a) => typeof a.status !== 'number' || a.status >= 300).map((a) => `${a.loop} ${a.status} ${a.detail}`)).toEqual([]);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});
