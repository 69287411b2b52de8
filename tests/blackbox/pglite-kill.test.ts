/**
 * The embedded database keeps every acknowledged write when its server is killed (issue #14, Faults):
 * a production server on a PGlite data folder takes comments from four concurrent writers through
 * the API; `kill -9` of the whole server mid-stream; a new server on the same folder must show every
 * comment that was answered 201 (and nothing that was never sent). PGlite pass only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from './support/client';
import { startServer, tail, type RunningServer } from './support/server';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (onPostgres) console.warn('[pglite-kill] skipped: the PGlite pass runs it');

const WRITERS = 4;

async function allComments(s: Session, caseId: number): Promise<string[]> {
  const bodies: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await s.fetch(`/api/v1/cases/${caseId}/comments?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { body: string }[]; nextCursor: string | null };
    bodies.push(...page.items.map((c) => c.body));
    cursor = page.nextCursor;
  } while (cursor);
  return bodies;
}

describe.skipIf(onPostgres)('kill -9 of the embedded database server under writes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-blackbox-pglite-kill-'));
  const dataDir = path.join(dir, 'pglite');
  const secret = crypto.randomBytes(32).toString('base64url');
  const servers: RunningServer[] = [];

  afterAll(async () => {
    for (const s of servers) await s.stop();
    if (process.env.BLACKBOX_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every write it acknowledged', async () => {
    const first = await startServer({ database: 'pglite', dataDir, secret, label: 'pglite-kill-1' });
    servers.push(first);
    const inspector = await loginAs('inspector', { baseUrl: first.baseUrl, fresh: true });
    const caseId = ((await (await inspector.fetch('/api/v1/cases?limit=1')).json()) as { items: { id: number }[] }).items[0]!.id;
    const run = crypto.randomBytes(3).toString('hex');

    const acknowledged: string[] = [];
    const sent: string[] = [];
    let refused = 0;
    let cut = 0;
    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = 0; writing; n++) {
        const body = `kill ${run} writer ${w} #${n}`;
        sent.push(body);
        try {
          const res = await inspector.fetch(`/api/v1/cases/${caseId}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ body }),
            signal: AbortSignal.timeout(30_000),
          });
          if (res.status === 201) acknowledged.push(body);
          else refused++;
          await res.arrayBuffer();
        } catch {
          cut++; // the kill cut it: not acknowledged
        }
      }
    });
    // Let the writers run until a good number of writes went through, then kill -9 in the middle of them.
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await first.kill();
    writing = false;
    await Promise.all(writers);
    const acknowledgedAtKill = acknowledged.length;

    const second = await startServer({ database: 'pglite', dataDir, secret, label: 'pglite-kill-2' });
    servers.push(second);
    const again = await loginAs('inspector', { baseUrl: second.baseUrl, fresh: true });
    const present = new Set((await allComments(again, caseId)).filter((b) => b.startsWith(`kill ${run} `)));
    const missing = acknowledged.filter((b) => !present.has(b));
    const unknown = [...present].filter((b) => !sent.includes(b));
    console.log(
      `[pglite-kill] ${WRITERS} writers: ${sent.length} sent, ${acknowledgedAtKill} acknowledged (201), ${refused} refused, ` +
        `${cut} cut by the kill; after the restart ${present.size} present, ${missing.length} acknowledged but missing, ` +
        `${present.size - acknowledgedAtKill - unknown.length} unacknowledged but kept`,
    );
    expect(acknowledgedAtKill, tail(first.logFile)).toBeGreaterThan(0);
    expect(refused, tail(first.logFile)).toBe(0);
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
