import type { PoolClient } from 'pg';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '@/db/client';

/**
 * Postgres advisory locks of the import runners, held on one connection of the runner for as long
 * as it runs the job. A process that dies (kill -9, a host gone) loses its connections, and with
 * them its locks, at once: a lock not held is a runner not alive, whichever copy asks.
 * - (SLOT, 0…N-1): at most N jobs run at once across every copy (RECTIFY_IMPORT_CONCURRENCY);
 * - (JOB, job id): the runner of that job is alive.
 */
export const LOCK_SLOT = 724501;
export const LOCK_JOB = 724502;

export interface HeldConnection {
  client: PoolClient;
  /** False once the connection broke: its locks are gone, the job is no longer ours. */
  alive(): boolean;
  release(): void;
}

export async function holdConnection(handle: DatabaseHandle): Promise<HeldConnection> {
  const client = await handle.pool!.connect();
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on('error', onError);
  return {
    client,
    alive: () => !broken,
    release: () => {
      client.removeListener('error', onError);
      client.release(broken);
    },
  };
}

/** Takes a free slot of `slots`; null when every slot is held (N jobs are running somewhere). */
export async function takeSlot(client: PoolClient, slots: number): Promise<number | null> {
  for (let slot = 0; slot < slots; slot++) {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_SLOT, slot]);
    if (rows[0]!.ok) return slot;
  }
  return null;
}

export const unlock = (client: PoolClient, key: typeof LOCK_SLOT | typeof LOCK_JOB, value: number) =>
  client.query('SELECT pg_advisory_unlock($1, $2)', [key, value]).then(() => undefined);

export const lockJob = (client: PoolClient, jobId: number) => client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_JOB, jobId]).then(() => undefined);

/** The SQL test of "a runner holds job `j.id`", for queries that join import_jobs as `j`. */
export const jobLockHeld = sql`EXISTS (
  SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.classid = ${LOCK_JOB}::oid AND l.objid = j.id::oid)`;

/** Running jobs (Postgres) whose runner holds no lock on them: their runner is gone. */
export async function jobsWithoutRunner(handle: DatabaseHandle): Promise<{ id: number; runner: string | null }[]> {
  const rows = await queryRows<{ id: number; runner: string | null }>(handle.db, sql`SELECT j.id, j.runner FROM import_jobs j
    WHERE j.status = 'running' AND NOT ${jobLockHeld}`);
  return rows.map((r) => ({ id: Number(r.id), runner: r.runner }));
}
