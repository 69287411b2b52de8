import PgBoss from 'pg-boss';
import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DatabaseHandle, type Queryable, type Tx } from '@/db/client';
import { importJobs } from '@/db/schema';
import { runImportJob } from '../run';
import { actorOfJob, Cancelled, claimImportJob, deleteOrphanStaging, LostClaim, newClaim, releaseDeadClaim, type Outcome } from './claims';
import { holdConnection, jobLockHeld, jobsWithoutRunner, LOCK_JOB, LOCK_SLOT, lockJob, takeSlot, unlock } from './locks';
import type { ImportQueue, QueueSettings } from './index';

/** The pg-boss queue of import jobs; pg-boss keeps its tables in the `pgboss` schema of the same database. */
export const QUEUE = 'rectify-import';
const SCHEMA = 'pgboss';

/** pg-boss's SQL (`$1`… placeholders) on a drizzle database or open transaction. */
export function executorOf(q: Queryable): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, i) => (i % 2 ? sql`${sql.param(values[Number(part) - 1] ?? null)}` : sql.raw(part)));
      return { rows: await queryRows<unknown>(q, sql.join(chunks)) };
    },
  };
}

/**
 * Postgres: pg-boss holds the queue (durable, `SKIP LOCKED` fetches, an archive of what ran); the
 * runner of a job holds advisory locks on one connection (./locks.ts): a slot of the N allowed and
 * the job's own lock. Every copy that runs jobs polls for work while it can take a slot and, every
 * few seconds, supervises: a running job whose lock nobody holds belonged to a runner that died (its
 * apply transaction was rolled back with its connection) and is queued again or failed; a queued job
 * whose pg-boss entry is lost (a restore, a runner that died between fetch and claim) is sent again.
 */
export class PgBossImportQueue implements ImportQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;
  private stopped = true;
  private readonly lanes: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  private supervisor: NodeJS.Timeout | undefined;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly settings: QueueSettings,
  ) {
    this.boss = new PgBoss({
      db: executorOf(handle.db),
      schema: SCHEMA,
      migrate: true,
      schedule: false,
      supervise: settings.runJobs,
    });
    this.boss.on('error', (err) => console.error('[imports] pg-boss:', err.message));
  }

  /** pg-boss's schema and our queue exist (created by whichever copy starts first). */
  private ready(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      // A dead runner's job is sent again by the supervisor, counted on the job row (RECTIFY_IMPORT_ATTEMPTS),
      // so pg-boss itself never retries; an entry waits up to 14 days to be taken.
      if (!(await this.boss.getQueue(QUEUE))) await this.boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 0, expireInHours: 23, retentionDays: 14 });
    })().catch((err) => {
      this.started = null;
      throw err;
    });
    return this.started;
  }

  async enqueue(tx: Tx, jobId: number): Promise<void> {
    await this.ready();
    await this.send(tx, jobId);
  }

  private async send(q: Queryable, jobId: number): Promise<void> {
    const id = await this.boss.send(QUEUE, { importJobId: jobId }, { db: executorOf(q) });
    if (!id) throw new Error(`the queue refused import job ${jobId}`);
    await q.update(importJobs).set({ queueJobId: id }).where(eq(importJobs.id, jobId));
  }

  notify(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  async start(): Promise<void> {
    await this.ready();
    if (!this.settings.runJobs || !this.stopped) return;
    this.stopped = false;
    await this.recover();
    for (let i = 0; i < this.settings.concurrency; i++) this.lanes.push(this.lane());
    this.supervisor = setInterval(() => void this.recover().catch((err) => console.error('[imports] supervising the import runners:', err)), this.settings.superviseMs);
    this.supervisor.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.supervisor);
    this.notify();
    await Promise.allSettled(this.lanes.splice(0));
    if (this.started) await this.boss.stop({ graceful: false, close: false }).catch(() => undefined);
  }

  async recover(): Promise<{ id: number; outcome: Outcome }[]> {
    await this.ready();
    const out: { id: number; outcome: Outcome }[] = [];
    for (const job of await jobsWithoutRunner(this.handle)) {
      const outcome = await this.handle.db.transaction(async (tx) => {
        const outcome = await releaseDeadClaim(tx, job.id, job.runner, this.settings.maxAttempts);
        if (outcome) await this.resend(tx, job.id, outcome);
        return outcome;
      });
      if (outcome) out.push({ id: job.id, outcome });
    }
    // Queued jobs without a live pg-boss entry: none, finished, or taken (active) over 30 s ago by a runner that holds no lock.
    const lost = await queryRows<{ id: number }>(this.handle.db, sql`SELECT j.id FROM import_jobs j
      LEFT JOIN ${sql.raw(SCHEMA)}.job b ON b.name = ${QUEUE} AND b.id = j.queue_job_id
      WHERE j.status = 'queued' AND (b.id IS NULL OR b.state NOT IN ('created', 'retry', 'active')
        OR (b.state = 'active' AND b.started_on < now() - interval '30 seconds' AND NOT ${jobLockHeld}))`);
    for (const { id } of lost) {
      await this.handle.db.transaction(async (tx) => {
        const [still] = await queryRows(tx, sql`SELECT 1 FROM import_jobs WHERE id = ${id} AND status = 'queued' FOR UPDATE SKIP LOCKED`);
        if (still) await this.resend(tx, Number(id), 'queued');
      });
    }
    await deleteOrphanStaging(this.handle.db);
    if (out.length) console.log(`[imports] jobs whose runner stopped: ${out.map((o) => `${o.id} ${o.outcome}`).join(', ')}`);
    return out;
  }

  /** The old entry of a job is failed (pg-boss's archive says why); a job to run again gets a new one. */
  private async resend(tx: Tx, jobId: number, outcome: Outcome): Promise<void> {
    const [row] = await tx.select({ queueJobId: importJobs.queueJobId }).from(importJobs).where(eq(importJobs.id, jobId));
    if (row?.queueJobId) await this.boss.fail(QUEUE, row.queueJobId, { reason: `the runner of import job ${jobId} stopped; ${outcome}` }, { db: executorOf(tx) });
    if (outcome === 'queued') await this.send(tx, jobId);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async lane(): Promise<void> {
    while (!this.stopped) {
      const worked = await this.takeOne().catch((err) => {
        console.error('[imports] the import runner:', err);
        return false;
      });
      if (!worked && !this.stopped) await this.sleep(this.settings.pollMs);
    }
  }

  /** Takes a slot, then a job, and runs it; false when there was no slot or no job. */
  private async takeOne(): Promise<boolean> {
    const held = await holdConnection(this.handle);
    try {
      const slot = await takeSlot(held.client, this.settings.concurrency);
      if (slot === null) return false;
      try {
        const [entry] = await this.boss.fetch<{ importJobId: number }>(QUEUE, { batchSize: 1 });
        if (!entry) return false;
        const jobId = Number(entry.data.importJobId);
        await lockJob(held.client, jobId);
        try {
          const claim = newClaim();
          const job = await claimImportJob(this.handle.db, jobId, claim);
          if (!job) {
            // Cancelled, finished, or run by another entry: nothing to do.
            await this.boss.complete(QUEUE, entry.id, { skipped: true });
            return true;
          }
          await this.settings.onClaimed?.(jobId);
          try {
            const actor = await actorOfJob(this.handle.db, job);
            await runImportJob(this.handle, { jobId, format: job.format, filename: job.filename, dryRun: job.dryRun, actor, claim, alive: held.alive, onStep: this.settings.onStep });
            await this.boss.complete(QUEUE, entry.id);
          } catch (err) {
            if (err instanceof LostClaim) return true; // the supervisor that took it over settles the entry
            if (!(err instanceof Cancelled)) console.error(`[imports] job ${jobId} failed:`, err);
            // The job row says failed (or cancelled) with its reason: the entry is done, never retried.
            await this.boss.complete(QUEUE, entry.id, { failed: err instanceof Error ? err.message : String(err) });
          }
          return true;
        } finally {
          await unlock(held.client, LOCK_JOB, jobId).catch(() => undefined);
        }
      } finally {
        await unlock(held.client, LOCK_SLOT, slot).catch(() => undefined);
      }
    } finally {
      held.release();
    }
  }
}
