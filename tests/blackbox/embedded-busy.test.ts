/**
 * The embedded database is one connection in the server's own process: more requests than it can
 * serve wait in a bounded queue, and past the bound (or past the longest wait) they are answered at
 * once with 503 and Retry-After, never left to time out (README "Limits", lib/server/admission.ts).
 * A server of its own on PGlite, with a small bound (1 running, 4 waiting, 3 s), is flooded with 60
 * signed-in list requests at once: every one is answered in time, with 200 or a 503 that names the
 * limit and says when to come back; the health probe answers meanwhile; and the server serves
 * normally afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, request, type Session } from './support/client';
import { startServer, type RunningServer } from './support/server';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(onPostgres)('a flooded embedded server answers 503 with Retry-After, not timeouts', () => {
  let srv: RunningServer;
  let session: Session;

  beforeAll(async () => {
    srv = await startServer({
      database: 'pglite',
      label: 'embedded-busy',
      env: { RECTIFY_EMBEDDED_CONCURRENCY: '1', RECTIFY_EMBEDDED_QUEUE: '4', RECTIFY_EMBEDDED_QUEUE_WAIT_MS: '3000' },
    });
    session = await loginAs('supervisor', { baseUrl: srv.baseUrl, fresh: true });
  }, 420_000);

  afterAll(async () => {
    await srv?.stop();
  });

  it('60 requests at once: each a 200 or a prompt 503 with Retry-After; nothing else, nothing times out', async () => {
    const paths = ['/api/v1/cases?limit=50', '/cases', '/subjects', '/api/v1/stats/summary'];
    const flood = Array.from({ length: 60 }, async (_, i) => {
      const started = Date.now();
      const res = await session.fetch(paths[i % paths.length]!, { signal: AbortSignal.timeout(30_000) });
      const body = await res.text();
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body, ms: Date.now() - started, path: paths[i % paths.length]! };
    });
    const health = (async () => {
      await new Promise((r) => setTimeout(r, 300));
      const res = await request('/api/health', { signal: AbortSignal.timeout(30_000) }, srv.baseUrl);
      return res.status;
    })();
    const answers = await Promise.all(flood);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200 && s !== 503), JSON.stringify(statuses)).toEqual([]);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length, 'some requests were refused as busy').toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200).length, 'some were served').toBeGreaterThan(0);
    for (const a of busy) {
      expect(a.retryAfter, a.path).toMatch(/^\d+$/);
      if (a.path.startsWith('/api/')) {
        const json = JSON.parse(a.body) as { error: { code: string; message: string } };
        expect(json.error.code).toBe('server_busy');
        expect(json.error.message).toMatch(/embedded database/);
      } else expect(a.body).toMatch(/^503 The server is busy/);
    }
    expect(await health).toBe(200);
  }, 120_000);

  it('after the flood, it serves every page again', async () => {
    for (const p of ['/api/v1/cases?limit=50', '/cases', '/api/health']) {
      const res = await session.fetch(p);
      expect(res.status, p).toBe(200);
      await res.arrayBuffer();
    }
  }, 60_000);
});
