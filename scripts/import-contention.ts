/**
 * Issue #13, finding 10: how long another writer waits while a large import applies. A ladder
 * transition (open → ordered, transitionCase in its own transaction, as the API runs it) is timed
 * with nothing else running, then again and again while an import of CONTENTION_ROWS rows runs in
 * another process (another web copy) until that import commits. Two probes:
 *  - `unrelated`: a case whose dashboard rollup cells (sector, month) the import does not touch;
 *  - `sameCells`: a case in the sector and month of the import's own new cases (ADR 0004's rollup
 *    cells are locked by the import's inserts until it commits).
 *
 *   CONTENTION_URL=postgres://postgres@127.0.0.1:5432/rectify_contention CONTENTION_ROWS=1000000 npx tsx scripts/import-contention.ts
 *
 * Drops and re-creates that database; writes bench/results/import-contention.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPostgres, queryRows, type DatabaseHandle } from '../db/client';
import { users } from '../db/schema';
import { seedTaxonomies } from '../db/seed';
import type { Actor } from '../lib/auth/actor';
import { transitionCase } from '../lib/cases/transition';
import { createImportJob } from '../lib/imports/jobs';
import { runImportJob } from '../lib/imports/run';
import { csvText, importRow, writeCsvFile } from '../tests/support/import-file';
import { startChild } from '../tests/support/kill-check';
import { databaseUrl, withAdmin } from '../tests/support/pg-admin';

const ROWS = Number(process.env.CONTENTION_ROWS ?? 1_000_000);
const URL_ = process.env.CONTENTION_URL ?? 'postgres://postgres@127.0.0.1:5432/rectify_contention';
// Enough cases to keep both probes going for the whole apply (one transition every ~0.3 s each;
// a 1M-row apply takes about 10 minutes here); CONTENTION_PROBE_CASES sets it.
const PROBE_CASES = Number(process.env.CONTENTION_PROBE_CASES ?? Math.max(1000, Math.ceil(ROWS / 100)));

type Probe = 'unrelated' | 'sameCells';

/** Cases to move: `unrelated` in a sector and month the big file never names, `sameCells` in its first ones. */
async function probeCases(handle: DatabaseHandle, dir: string): Promise<Record<Probe, number[]>> {
  const rows = Array.from({ length: PROBE_CASES }, (_, k) => {
    const i = 5_000_000 + k;
    const unrelated = k % 2 === 0;
    const base = importRow(i, { source: 'probe', perSubject: 1, perInspection: 1 });
    // The big file's row 0: sector parking, January 2026, a mini program on WeChat.
    return unrelated ? { ...base, sector: 'power_bank', detected_at: '2025-11-15T10:00:00+08:00' } : { ...base, sector: 'parking', detected_at: '2026-01-10T10:00:00+08:00', subject_kind: 'mini_program', platform: 'wechat', store: '', package_name: '', mini_program_appid: `wx${i.toString(16).padStart(16, '0')}` };
  });
  const file = path.join(dir, 'probe.csv');
  fs.writeFileSync(file, csvText(rows));
  const job = await createImportJob(handle.db, null, { format: 'csv', filename: 'probe.csv', dryRun: false, fileBytes: fs.statSync(file).size }, fs.createReadStream(file));
  await runImportJob(handle, { jobId: job.id, format: 'csv', filename: 'probe.csv', dryRun: false, actor: null });
  const ids = await queryRows<{ id: number; sector: string }>(handle.db, sql`SELECT c.id, s.sector FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.state = 'open' ORDER BY c.id`);
  return { unrelated: ids.filter((r) => r.sector === 'power_bank').map((r) => r.id), sameCells: ids.filter((r) => r.sector === 'parking').map((r) => r.id) };
}

async function timedTransition(handle: DatabaseHandle, actor: Actor, caseId: number): Promise<number> {
  const started = performance.now();
  await handle.db.transaction((tx) => transitionCase(tx, actor, caseId, 1, { to: 'ordered', input: { reason: 'contention probe', deadline: '2099-01-01' } }));
  return performance.now() - started;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN);
  return { count: s.length, p50: at(0.5), p95: at(0.95), max: Math.round(s.at(-1) ?? NaN) };
};

async function main() {
  const name = new URL(URL_).pathname.slice(1);
  await withAdmin(databaseUrl(URL_, 'postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const handle = await openPostgres(URL_, { max: 4 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-contention-'));
  const file = path.join(os.tmpdir(), `rectify-contention-${ROWS}.csv`);
  try {
    await migrateDatabase(handle);
    await seedTaxonomies(handle.db);
    const [user] = await handle.db.insert(users).values({ email: 'probe@rectify.test', name: 'Probe', role: 'inspector', passwordHash: 'x' }).returning();
    const actor: Actor = { kind: 'user', id: user!.id, role: 'inspector', name: 'Probe', email: user!.email };
    const cases = await probeCases(handle, dir);
    if (!fs.existsSync(file)) await writeCsvFile(file, ROWS);

    const quiet: Record<Probe, number[]> = { unrelated: [], sameCells: [] };
    for (let k = 0; k < 20; k++) for (const p of ['unrelated', 'sameCells'] as const) quiet[p].push(await timedTransition(handle, actor, cases[p].shift()!));

    const t0 = Date.now();
    const { waitFor } = startChild(URL_, file);
    const applyingAt = Number((await waitFor('APPLYING ')).slice(10));
    const applyStart = Date.now();
    let done = false;
    const finished = waitFor('DONE ').then(() => (done = true));
    const during: Record<Probe, number[]> = { unrelated: [], sameCells: [] };
    // When each probe's slowest transition started and its last one ended (seconds after the apply began).
    const slowestAt: Record<Probe, number | null> = { unrelated: null, sameCells: null };
    const lastEndedAt: Record<Probe, number | null> = { unrelated: null, sameCells: null };
    // One probe loop per kind, side by side, each transition after the last one answered.
    // CONTENTION_PROBES=unrelated runs one probe only (the code before the fix deadlocked the import
    // with a sameCells transition waiting for the audit lock while holding a rollup cell).
    const probes = (process.env.CONTENTION_PROBES ?? 'unrelated,sameCells').split(',') as Probe[];
    await Promise.all(probes.map(async (p) => {
      while (!done && cases[p].length) {
        const began = (Date.now() - applyStart) / 1000;
        const ms = await timedTransition(handle, actor, cases[p].shift()!);
        if (!done || ms > 0) during[p].push(ms);
        if (ms >= Math.max(...during[p])) slowestAt[p] = Math.round(began);
        lastEndedAt[p] = Math.round((Date.now() - applyStart) / 1000);
        if (!cases[p].length && !done) console.warn(`[contention] the ${p} probe ran out of cases before the import finished: raise CONTENTION_PROBE_CASES`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }));
    await finished;
    const applySeconds = (Date.now() - applyStart) / 1000;
    const result = {
      rows: ROWS,
      importSeconds: (Date.now() - t0) / 1000,
      validatingSeconds: applyingAt / 1000,
      applySeconds,
      transitionMs: {
        quiet: { unrelated: stats(quiet.unrelated), sameCells: stats(quiet.sameCells) },
        duringApply: { unrelated: stats(during.unrelated), sameCells: stats(during.sameCells) },
      },
      // Did the probes cover the whole apply (their last transition ended at or after applySeconds)?
      probeSecondsAfterApplyStart: { slowestStartedAt: slowestAt, lastEndedAt },
      command: `CONTENTION_ROWS=${ROWS} CONTENTION_URL=<a database of its own> npx tsx scripts/import-contention.ts`,
      at: new Date().toISOString(),
      load: os.loadavg().map((l) => Math.round(l * 10) / 10),
    };
    fs.mkdirSync(path.join(process.cwd(), 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), 'bench', 'results', `import-contention${process.env.CONTENTION_LABEL ? `-${process.env.CONTENTION_LABEL}` : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
