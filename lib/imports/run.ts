import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle, Queryable } from '@/db/client';
import { storedFileStream } from '@/lib/files/store';
import { importJobs, importRejections } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { applyStagedRows, EMPTY_COUNTS, type ImportCounts, type StepHook } from './apply';
import type { Rejection } from './columns';
import { assertClaim, Cancelled, claimImportJob, liveClaims, LostClaim, newClaim } from './queue/claims';
import { parseImportFile } from './parse';
import { importRowSchema } from './row-schema';
import { openStagingWriter } from './stage';
import { checkItem, type StagedRow } from './validate';
import { loadVocabulary } from './vocabulary';
import { storableText } from '@/lib/storable-text';

export interface RunOptions {
  jobId: number;
  format: 'csv' | 'ndjson';
  filename: string;
  dryRun: boolean;
  actor: Actor | null;
  /** The runner's claim on the job (lib/imports/queue/claims.ts); without it the job is claimed here. */
  claim?: string;
  /** Checked between chunks: a runner that lost its lock on the job stops (lib/imports/queue/postgres.ts). */
  alive?: () => boolean;
  onStep?: StepHook;
  /** Called once validating is over (tests and the kill check watch for it). */
  onApplying?: () => void | Promise<void>;
}

/** Rows checked between two turns of the event loop (the server keeps answering during an import). */
const YIELD_EVERY = 250;
/** Rows per staged chunk: each chunk is one short statement, then the job's progress is written. */
const chunkSize = (kind: DatabaseHandle['kind']) => (kind === 'postgres' ? 10_000 : 2_000);
/** Tables an import grows: their statistics are refreshed after a large import (ADR 0004). */
const ANALYZE_ABOVE = 50_000;
const ANALYZED = 'subjects, subject_names, subject_identifiers, store_listings, operators, inspections, findings, finding_evidence, evidence, cases, case_events';

async function deleteStaging(handle: DatabaseHandle, jobId: number) {
  await handle.db.execute(sql`DELETE FROM import_staging WHERE job_id = ${jobId}`);
}

/** The job's uploaded file goes once the job has ended: it is kept only while the job may (re)run. */
const deleteJobFile = (db: Queryable, jobId: number) =>
  db.execute(sql`DELETE FROM stored_files WHERE id = (SELECT file_id FROM import_jobs WHERE id = ${jobId})`).then(() => undefined);

/**
 * Runs one import job: validating (stream, check, stage valid rows in chunks, store rejections,
 * report progress), then applying (one transaction; a dry run rolls back), then clean-up. A failure
 * marks the job failed with its reason; nothing of a failed apply is committed.
 */
export async function runImportJob(handle: DatabaseHandle, o: RunOptions): Promise<ImportCounts> {
  if (o.claim) return runClaimed(handle, o, o.claim);
  // Run directly (tests, scripts): the job is claimed here, without the runner lock the queue holds
  // (lib/imports/queue/locks.ts), so a queue supervising the same database would take it for dead.
  const claim = newClaim();
  if (!(await claimImportJob(handle.db, o.jobId, claim))) throw new Error(`import job ${o.jobId} is not queued`);
  return runClaimed(handle, o, claim);
}

async function runClaimed(handle: DatabaseHandle, o: RunOptions, claim: string): Promise<ImportCounts> {
  const { db } = handle;
  const started = Date.now();
  liveClaims.add(claim);
  // Every write of the run names its claim: a runner that lost the job writes nothing more.
  const job = async (values: Partial<typeof importJobs.$inferInsert>) => {
    const updated = await db.update(importJobs).set({ ...values, heartbeatAt: sql`now()` })
      .where(and(eq(importJobs.id, o.jobId), eq(importJobs.runner, claim), eq(importJobs.status, 'running'))).returning({ cancel: importJobs.cancelRequested });
    if (!updated.length) throw new LostClaim(o.jobId);
    if (updated[0]!.cancel) throw new Cancelled();
  };
  const check = async () => {
    if (o.alive && !o.alive()) throw new LostClaim(o.jobId);
  };
  let heartbeat: NodeJS.Timeout | undefined;
  try {
    const [stored] = await db.select({ fileId: importJobs.fileId, size: importJobs.fileBytes }).from(importJobs).where(eq(importJobs.id, o.jobId));
    const { fileId, size } = stored ?? { fileId: null, size: 0 };
    if (fileId === null) throw new Error('The uploaded file of this job is gone; upload it again.');
    const schema = importRowSchema(await loadVocabulary(db));
    const parsed = parseImportFile(() => storedFileStream(db, fileId), o.format);
    const writer = await openStagingWriter(handle);
    let rows: StagedRow[] = [];
    let rejections: (Rejection & { raw: string })[] = [];
    let total = 0;
    let valid = 0;
    let rejected = 0;
    // One chunk's COPY runs while the next chunk is read and checked (the database works on the other
    // core); it is awaited before the next one starts, before applying, and before any clean-up.
    let staging: Promise<void> = Promise.resolve();
    const flush = async () => {
      await check();
      await staging;
      staging = writer.write(rows);
      staging.catch(() => undefined); // awaited (and thrown) at the next flush or at the end
      // A rejected line is echoed back as it was, minus what the database cannot store (NUL, lone surrogates).
      if (rejections.length) await db.insert(importRejections).values(rejections.map((r) => ({ jobId: o.jobId, ...r, raw: storableText(r.raw), column: storableText(r.column), reason: storableText(r.reason) })));
      rows = [];
      rejections = [];
      await job({ totalRows: total, processedRows: total, progress: size ? Math.min(1, parsed.bytesRead() / size) : 1 });
    };
    try {
      for await (const item of parsed.items) {
        total++;
        // Parsing, checking and (embedded) PGlite's queries resolve as microtasks: without a turn of the
        // event loop now and then, the server would answer no request until the whole file is read.
        if (total % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        const checked = checkItem(o.jobId, item, schema);
        if (checked.ok) {
          valid++;
          rows.push(checked.row);
        } else {
          rejected++;
          rejections.push(...checked.rejections);
        }
        if (rows.length >= chunkSize(handle.kind) || rejections.length >= 2_000) await flush();
      }
      await flush();
      await staging;
    } finally {
      await staging.catch(() => undefined);
      await writer.close();
    }

    await check();
    await job({ phase: 'applying', totalRows: total, processedRows: total, progress: 1 });
    await o.onApplying?.();
    // Postgres: keep the job visibly alive while the apply transaction runs on another connection.
    if (handle.kind === 'postgres') heartbeat = setInterval(() => void db.execute(sql`UPDATE import_jobs SET heartbeat_at = now() WHERE id = ${o.jobId} AND runner = ${claim}`).catch(() => undefined), 30_000);
    const done = { status: 'succeeded' as const, phase: 'done' as const, finishedAt: sql`now()` as never, progress: 1 };
    const counts = await applyStagedRows(db, {
      jobId: o.jobId,
      actor: o.actor,
      dryRun: o.dryRun,
      validRows: valid,
      rejectedRows: rejected,
      filename: o.filename,
      onStep: o.onStep,
      // A real run is marked done in the same transaction: a kill after commit never looks unapplied.
      onCommit: async (tx, c) => {
        // The fence: still this runner's job, not cancelled (a cancel arriving now waits for the commit).
        await check();
        await assertClaim(tx, o.jobId, claim, true);
        await deleteJobFile(tx, o.jobId);
        await tx.update(importJobs).set({ ...done, counts: c }).where(eq(importJobs.id, o.jobId));
      },
    });
    clearInterval(heartbeat);
    await deleteStaging(handle, o.jobId);
    if (o.dryRun) {
      await deleteJobFile(db, o.jobId);
      await job({ ...done, counts });
    }
    if (valid > ANALYZE_ABOVE && !o.dryRun) await db.execute(sql.raw(`ANALYZE ${ANALYZED}`));
    liveClaims.delete(claim);
    console.log(`[imports] job ${o.jobId}: ${total} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(counts));
    return counts;
  } catch (err) {
    clearInterval(heartbeat);
    liveClaims.delete(claim);
    // Another runner has the job now (or it was re-queued): leave its row, staging and file alone.
    if (err instanceof LostClaim) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const status = err instanceof Cancelled ? ('cancelled' as const) : ('failed' as const);
    await deleteStaging(handle, o.jobId).catch(() => undefined);
    // The job is seen ended only with its file gone: the status and the file's removal in one transaction.
    await db.transaction(async (tx) => {
      await deleteJobFile(tx, o.jobId);
      await tx.update(importJobs).set({ status, phase: 'done', error: message, finishedAt: sql`now()` as never, counts: EMPTY_COUNTS, progress: status === 'cancelled' ? 0 : undefined })
        .where(and(eq(importJobs.id, o.jobId), eq(importJobs.runner, claim)));
    }).catch(() => undefined);
    throw err;
  }
}
