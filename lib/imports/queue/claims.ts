import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Queryable } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { eq } from 'drizzle-orm';

/**
 * The job row is the one truth about an import (lib/imports/jobs.ts); the queue only says who runs it.
 * A runner *claims* a queued job (status queued → running, `runner` = its claim, `attempts` + 1) in
 * one statement, so two runners never both start it; every later write of the runner names its claim,
 * so a runner that lost it (taken for dead, or the job was cancelled) cannot commit anything.
 */

export const INTERRUPTED = 'interrupted: the server stopped during the import; nothing was applied — run it again';
export const CANCELLED = 'cancelled: nothing was applied';

/** A fresh claim of this process: `host:pid/random`. */
export const newClaim = () => `${os.hostname()}:${process.pid}/${crypto.randomBytes(4).toString('hex')}`;

/** Claims of the runs going on in this process (the embedded database: any other claim is of a dead process). */
export const liveClaims: Set<string> = ((globalThis as { __rectifyImportClaims?: Set<string> }).__rectifyImportClaims ??= new Set());

/** Thrown inside a run whose claim is no longer the job's (it was re-queued, or another runner has it). */
export class LostClaim extends Error {
  constructor(jobId: number) {
    super(`import job ${jobId}: this runner no longer holds the job`);
  }
}

/** Thrown inside a run that was asked to stop (POST /api/v1/imports/{id}/cancel). */
export class Cancelled extends Error {
  constructor() {
    super(CANCELLED);
  }
}

export interface ClaimedJob {
  id: number;
  format: 'csv' | 'ndjson';
  filename: string;
  dryRun: boolean;
  createdBy: number | null;
  tokenId: number | null;
  attempts: number;
}

/**
 * Claims a queued job for `claim`; null when it is not queued any more (cancelled, finished, or
 * another runner has it). Leftovers of an earlier attempt (staging rows, rejections) are deleted
 * in the same transaction: every attempt starts from the beginning of the file.
 */
export async function claimImportJob(db: Db, jobId: number, claim: string): Promise<ClaimedJob | null> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: number; format: 'csv' | 'ndjson'; filename: string; dry_run: boolean; created_by: number | null; token_id: number | null; attempts: number }>(
      tx,
      sql`UPDATE import_jobs SET status = 'running', phase = 'validating', runner = ${claim}, attempts = attempts + 1,
            heartbeat_at = now(), started_at = now(), progress = 0, total_rows = 0, processed_rows = 0, counts = '{}'::jsonb, error = NULL
          WHERE id = ${jobId} AND status = 'queued' AND NOT cancel_requested
          RETURNING id, format, filename, dry_run, created_by, token_id, attempts`,
    );
    if (!row) return null;
    await tx.execute(sql`DELETE FROM import_staging WHERE job_id = ${jobId}`);
    await tx.execute(sql`DELETE FROM import_rejections WHERE job_id = ${jobId}`);
    // The server log says which process runs which attempt of a job (who to look at when one dies).
    console.log(`[imports] job ${jobId}: attempt ${Number(row.attempts)} run by ${claim}`);
    return {
      id: Number(row.id), format: row.format, filename: row.filename, dryRun: row.dry_run,
      createdBy: row.created_by === null ? null : Number(row.created_by), tokenId: row.token_id === null ? null : Number(row.token_id), attempts: Number(row.attempts),
    };
  });
}

/** Who started the job, as the apply's audit event names them (the user or token may have changed since). */
export async function actorOfJob(db: Queryable, job: Pick<ClaimedJob, 'createdBy' | 'tokenId'>): Promise<Actor | null> {
  if (job.createdBy !== null) {
    const [u] = await db.select({ id: users.id, role: users.role, name: users.name, email: users.email }).from(users).where(eq(users.id, job.createdBy));
    if (u) return { kind: 'user', ...u };
  }
  if (job.tokenId !== null) {
    const [t] = await db.select({ id: apiTokens.id, role: apiTokens.role, name: apiTokens.name }).from(apiTokens).where(eq(apiTokens.id, job.tokenId));
    if (t) return { kind: 'token', ...t };
  }
  return null;
}

/**
 * The runner's check between chunks and right before its apply commits (inside the apply
 * transaction, `FOR UPDATE`: a cancel waits for the commit or is seen here). Throws LostClaim or
 * Cancelled; otherwise records a sign of life.
 */
export async function assertClaim(db: Queryable, jobId: number, claim: string, lock = false): Promise<void> {
  const [row] = await queryRows<{ runner: string | null; status: string; cancel_requested: boolean }>(
    db,
    lock
      ? sql`SELECT runner, status, cancel_requested FROM import_jobs WHERE id = ${jobId} FOR UPDATE`
      : sql`UPDATE import_jobs SET heartbeat_at = now() WHERE id = ${jobId} RETURNING runner, status, cancel_requested`,
  );
  if (!row || row.runner !== claim || row.status !== 'running') throw new LostClaim(jobId);
  if (row.cancel_requested) throw new Cancelled();
}

export type Outcome = 'queued' | 'failed' | 'cancelled';

/**
 * A job whose runner is gone (its process died: the database rolled its apply back): run again from
 * the start while it has attempts left, else failed with "nothing was applied"; cancelled if it was
 * asked to stop. Only when `claim` is still the job's: two supervisors never both act. The staging
 * rows go; the uploaded file stays while the job may run again.
 */
export async function releaseDeadClaim(db: Db, jobId: number, claim: string | null, maxAttempts: number): Promise<Outcome | null> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ status: Outcome }>(
      tx,
      sql`UPDATE import_jobs SET
            status = (CASE WHEN cancel_requested THEN 'cancelled' WHEN attempts < ${maxAttempts} THEN 'queued' ELSE 'failed' END)::import_status,
            phase = CASE WHEN NOT cancel_requested AND attempts < ${maxAttempts} THEN 'queued' ELSE 'done' END,
            error = CASE WHEN cancel_requested THEN ${CANCELLED} WHEN attempts < ${maxAttempts} THEN NULL ELSE ${INTERRUPTED} END,
            finished_at = CASE WHEN NOT cancel_requested AND attempts < ${maxAttempts} THEN NULL ELSE now() END,
            counts = '{}'::jsonb, progress = 0, runner = NULL
          WHERE id = ${jobId} AND status = 'running' AND runner IS NOT DISTINCT FROM ${claim}
          RETURNING status`,
    );
    if (!row) return null;
    await tx.execute(sql`DELETE FROM import_staging WHERE job_id = ${jobId}`);
    if (row.status !== 'queued') await tx.execute(sql`DELETE FROM stored_files WHERE id = (SELECT file_id FROM import_jobs WHERE id = ${jobId})`);
    return row.status;
  });
}

/** Staging rows of jobs that are not running (a crash between a job's end and its clean-up). */
export async function deleteOrphanStaging(db: Queryable): Promise<void> {
  await db.execute(sql`DELETE FROM import_staging WHERE job_id NOT IN (SELECT id FROM import_jobs WHERE status = 'running')`);
}
