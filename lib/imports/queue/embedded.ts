import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { runImportJob } from '../run';
import { actorOfJob, Cancelled, claimImportJob, deleteOrphanStaging, liveClaims, LostClaim, newClaim, releaseDeadClaim, type Outcome } from './claims';
import type { ImportQueue, QueueSettings } from './index';

/**
 * The embedded database's runner (docs/decisions/0008): the job rows are the queue. One process owns
 * the data folder (db/lock.ts), so every job is queued through this process and `notify` wakes the
 * runner; at start, a job left running is one of a process that died (it runs again from the start,
 * or fails with "nothing was applied"), and jobs left queued simply run.
 */
export class EmbeddedImportQueue implements ImportQueue {
  readonly kind = 'in-process' as const;
  private stopped = true;
  private pumping: Promise<void> | null = null;
  private again = false;
  private readonly runs = new Set<Promise<void>>();

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly settings: QueueSettings,
  ) {}

  async enqueue(): Promise<void> {
    // The queued job row is the entry.
  }

  notify(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((err) => console.error('[imports] the import runner:', err))
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.notify();
        }
      });
  }

  async start(): Promise<void> {
    if (!this.settings.runJobs || !this.stopped) return;
    this.stopped = false;
    await this.recover();
    this.notify();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.pumping;
    await Promise.allSettled([...this.runs]);
  }

  async recover(): Promise<{ id: number; outcome: Outcome }[]> {
    const open = await queryRows<{ id: number; runner: string | null }>(this.handle.db, sql`SELECT id, runner FROM import_jobs WHERE status = 'running' ORDER BY id`);
    const out: { id: number; outcome: Outcome }[] = [];
    for (const job of open) {
      if (job.runner && liveClaims.has(job.runner)) continue;
      const outcome = await releaseDeadClaim(this.handle.db, Number(job.id), job.runner, this.settings.maxAttempts);
      if (outcome) out.push({ id: Number(job.id), outcome });
    }
    await deleteOrphanStaging(this.handle.db);
    if (out.length) console.log(`[imports] jobs whose runner stopped: ${out.map((o) => `${o.id} ${o.outcome}`).join(', ')}`);
    return out;
  }

  /** Starts queued jobs, oldest first, while fewer than `concurrency` run. */
  private async pump(): Promise<void> {
    while (!this.stopped && this.runs.size < this.settings.concurrency) {
      const [next] = await queryRows<{ id: number }>(this.handle.db, sql`SELECT id FROM import_jobs WHERE status = 'queued' AND NOT cancel_requested ORDER BY id LIMIT 1`);
      if (!next) return;
      const claim = newClaim();
      liveClaims.add(claim);
      const job = await claimImportJob(this.handle.db, Number(next.id), claim).catch((err) => {
        liveClaims.delete(claim);
        throw err;
      });
      if (!job) {
        liveClaims.delete(claim);
        continue;
      }
      const run = this.run(job.id, claim, job).finally(() => {
        this.runs.delete(run);
        this.notify();
      });
      this.runs.add(run);
    }
  }

  private async run(jobId: number, claim: string, job: NonNullable<Awaited<ReturnType<typeof claimImportJob>>>): Promise<void> {
    try {
      await this.settings.onClaimed?.(jobId);
      const actor = await actorOfJob(this.handle.db, job);
      await runImportJob(this.handle, { jobId, format: job.format, filename: job.filename, dryRun: job.dryRun, actor, claim, onStep: this.settings.onStep });
    } catch (err) {
      // The job row carries the reason; the log has the stack.
      if (!(err instanceof LostClaim) && !(err instanceof Cancelled)) console.error(`[imports] job ${jobId} failed:`, err);
    } finally {
      liveClaims.delete(claim);
    }
  }
}
