import { getDatabase, type DatabaseHandle, type Tx } from '@/db/client';
import type { StepHook } from '../apply';
import type { Outcome } from './claims';

/**
 * The import job queue (docs/decisions/0008): one interface, two runners.
 * - Postgres: pg-boss (lib/imports/queue/postgres.ts). Any copy of the server (or `npm run worker`)
 *   runs any job; at most RECTIFY_IMPORT_CONCURRENCY run at once across all copies.
 * - The embedded database (one process by design): an in-process runner (./embedded.ts).
 * The job row (import_jobs) is the one truth of a job's state; the queue says who runs it and when.
 */
export interface ImportQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Inside the transaction that creates the job row: the job and its queue entry commit together. */
  enqueue(tx: Tx, jobId: number): Promise<void>;
  /** After that commit: wake this process's runners (a job may start at once). */
  notify(): void;
  /** Starts this process's runners (RECTIFY_IMPORT_WORKER=0: this process only enqueues). */
  start(): Promise<void>;
  /** Stops the runners; running jobs are left to the next start (they run again from the start). */
  stop(): Promise<void>;
  /** One look for jobs whose runner is gone: re-queued, failed or cancelled. */
  recover(): Promise<{ id: number; outcome: Outcome }[]>;
}

export interface QueueSettings {
  /** At most this many jobs run at once (across every copy on Postgres). */
  concurrency: number;
  /** A job is run at most this many times (a dead runner's job runs again until then). */
  maxAttempts: number;
  /** Does this process run jobs? */
  runJobs: boolean;
  /** How often an idle runner looks for work, and a supervisor for dead runners (ms). */
  pollMs: number;
  superviseMs: number;
  /** Test hooks: called inside a run. */
  onStep?: StepHook;
  onClaimed?: (jobId: number) => void | Promise<void>;
}

const int = (name: string, fallback: number, min = 1) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min} (got "${raw}")`);
  return n;
};

/** The documented settings (README, "Import jobs"). */
export function queueSettings(kind: DatabaseHandle['kind']): QueueSettings {
  return {
    concurrency: int('RECTIFY_IMPORT_CONCURRENCY', kind === 'postgres' ? 2 : 1),
    maxAttempts: int('RECTIFY_IMPORT_ATTEMPTS', 2),
    runJobs: process.env.RECTIFY_IMPORT_WORKER !== '0',
    pollMs: int('RECTIFY_IMPORT_POLL_MS', 1000, 50),
    superviseMs: int('RECTIFY_IMPORT_SUPERVISE_MS', 5000, 50),
  };
}

export async function createImportQueue(handle: DatabaseHandle, settings: QueueSettings = queueSettings(handle.kind)): Promise<ImportQueue> {
  if (handle.kind === 'postgres') return new (await import('./postgres')).PgBossImportQueue(handle, settings);
  return new (await import('./embedded')).EmbeddedImportQueue(handle, settings);
}

const queues = new WeakMap<DatabaseHandle, Promise<ImportQueue>>();

/**
 * The queue of a database handle, created and started on first use; it stops when the handle closes.
 * The server starts it at boot (lib/server/boot.ts) so that it takes jobs other copies queued.
 */
export function importQueueOf(handle: DatabaseHandle): Promise<ImportQueue> {
  let queue = queues.get(handle);
  if (!queue) {
    queue = createImportQueue(handle).then(async (q) => {
      const close = handle.close.bind(handle);
      handle.close = async () => {
        await q.stop().catch((err) => console.error('[imports] stopping the queue:', err));
        await close();
      };
      await q.start();
      return q;
    });
    queues.set(handle, queue);
    queue.catch(() => queues.delete(handle));
  }
  return queue;
}

export async function getImportQueue(): Promise<ImportQueue> {
  return importQueueOf(await getDatabase());
}
