/**
 * The embedded database killed under writes (issue #14, Faults): a production server on PGlite gets
 * four concurrent writers (comments on a case, through the API as a signed-in inspector) while a
 * 20,000-row import runs; the whole server is killed (`kill -9`) 3 s into the import's run, mid-traffic, and started again on the
 * same data folder. Every write that was answered 2xx is there after the restart, and the import
 * ends succeeded with every row (run again from the start) or failed with nothing applied — never
 * part of its rows.
 * PGlite pass only: on Postgres the database is another process, which a server's death cannot touch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from './support/client';
import { fileBody, readJob, settled, subjectsNamed, waitForJob, writeKillImport, type ImportJobView, type KillImportFile } from './support/import-file';
import { startServer, tail, type RunningServer } from './support/server';

const why = process.env.TEST_DATABASE_URL ? 'the PGlite pass runs it' : null;
const WRITERS = 4;
const IMPORT_ROWS = 20_000;

describe.skipIf(why !== null)('the embedded database killed under writes', () => {
  let root: string;
  let dataDir: string;
  const servers: RunningServer[] = [];
  let caseId: number;
  let file: KillImportFile;
  let jobId: number;
  let atKill: ImportJobView;
  const acknowledged = new Set<number>();
  let refused = 0;
  let unanswered = 0;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-blackbox-embedded-kill-'));
    dataDir = path.join(root, 'pglite');
    servers.push(await startServer({ database: 'pglite', dataDir, label: 'embedded-kill' }));
    file = await writeKillImport(root, `embedded-kill-${Date.now().toString(36)}`, IMPORT_ROWS);
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    if (process.env.BLACKBOX_KEEP !== '1') fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps every acknowledged write after kill -9 of its server mid-traffic', async () => {
    const first = servers[0]!;
    const inspector = await loginAs('inspector', { baseUrl: first.baseUrl, fresh: true });
    caseId = ((await (await inspector.fetch('/api/v1/cases?limit=1')).json()) as { items: { id: number }[] }).items[0]!.id;

    // Four writers, then an import; the kill comes 3 s into the import's run.
    let live = true;
    let sent = 0;
    const writer = async (w: number) => {
      for (let n = 0; live; n++) {
        sent++;
        try {
          const res = await inspector.fetch(`/api/v1/cases/${caseId}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ body: `embedded kill: writer ${w}, write ${n}` }),
            signal: AbortSignal.timeout(30_000),
          });
          if (res.status === 201) acknowledged.add(((await res.json()) as { comment: { id: number } }).comment.id);
          else {
            refused++;
            await res.body?.cancel();
          }
        } catch {
          unanswered++; // cut by the kill, or refused by the dead server: neither acknowledged nor refused by it
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    const until = (ok: () => boolean, ms: number) =>
      (async () => {
        for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
        return ok();
      })();
    expect(await until(() => acknowledged.size >= 50, 30_000), 'writes acknowledged before the import').toBe(true);
    const upload = inspector
      .fetch(`/api/v1/imports?filename=${path.basename(file.file)}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, ...fileBody(file.file) })
      .then((res) => res.status)
      .catch(() => 'cut');
    // The server's log names the job when its runner claims it (the 202 may come later: the run shares the one process).
    const claimed = () => /\[imports\] job (\d+): attempt 1 run by/.exec(fs.readFileSync(first.logFile, 'utf8'));
    expect(await until(() => claimed() !== null, 60_000), `the import did not start\n${tail(first.logFile)}`).toBe(true);
    jobId = Number(claimed()![1]);
    const ackedBeforeImport = acknowledged.size;
    await new Promise((r) => setTimeout(r, 3_000));
    atKill = (await readJob((p) => inspector.fetch(p, { signal: AbortSignal.timeout(2_000) }), jobId)) ?? ({ phase: '?', processedRows: -1, totalRows: -1 } as ImportJobView);
    await first.kill();
    await new Promise((r) => setTimeout(r, 300));
    live = false;
    await Promise.all(writers);
    const uploadStatus = await upload;
    console.log(`[embedded-kill] killed 3 s into import ${jobId} (upload answered ${uploadStatus}); ${acknowledged.size - ackedBeforeImport} writes acknowledged while it ran`);
    expect(acknowledged.size, 'writes acknowledged before the kill').toBeGreaterThan(0);

    // The same data folder, a new server.
    const second = await startServer({ database: 'pglite', dataDir, label: 'embedded-kill-restarted' });
    servers.push(second);
    const again = await loginAs('inspector', { baseUrl: second.baseUrl, fresh: true });
    const present = new Set<number>();
    let cursor: string | null = null;
    do {
      const res = await again.fetch(`/api/v1/cases/${caseId}/comments?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: number; body: string }[]; nextCursor: string | null };
      for (const c of page.items) if (c.body.startsWith('embedded kill: ')) present.add(c.id);
      cursor = page.nextCursor;
    } while (cursor);
    const missing = [...acknowledged].filter((id) => !present.has(id));
    console.log(
      `[embedded-kill] ${WRITERS} writers, ${sent} writes sent: ${acknowledged.size} acknowledged (201), ${refused} refused, ${unanswered} unanswered (cut by the kill, or sent to the dead server); ` +
        `after the restart ${present.size} present (${present.size - acknowledged.size + missing.length} of them unacknowledged), ${missing.length} acknowledged missing`,
    );
    expect(missing, 'acknowledged writes lost').toEqual([]);
  }, 180_000);

  it('the import killed mid-run ends with every row or with nothing applied', async () => {
    const server = servers[1]!;
    const inspector = await loginAs('inspector', { baseUrl: server.baseUrl, fresh: true });
    const started = Date.now();
    const end = await waitForJob(inspector.fetch, jobId, settled, 180_000, 250);
    const subjects = await subjectsNamed(inspector.fetch, file.subjectName);
    console.log(
      `[embedded-kill] import of ${file.rows} rows killed at ${atKill.phase} ${atKill.processedRows}/${atKill.totalRows}: after the restart ${end?.status} ` +
        `in ${Date.now() - started} ms, ${end?.counts.created.findings ?? '?'} findings created, subjects of the file present: ${subjects}; error: ${end?.error ?? 'none'}`,
    );
    expect(end && settled(end), `job ${jobId} did not end: ${JSON.stringify(end)}\n${tail(server.logFile, 20)}`).toBe(true);
    if (end!.status === 'succeeded') {
      expect(end).toMatchObject({ totalRows: file.rows, processedRows: file.rows, error: null });
      expect(end!.counts.created.findings).toBe(file.rows);
      expect(subjects).toBe(1);
    } else {
      expect(end!.status).toBe('failed');
      expect(end!.error).toMatch(/^interrupted: .*nothing was applied/);
      expect(subjects, 'rows of a failed import').toBe(0);
    }
  }, 240_000);
});
