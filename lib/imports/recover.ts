import os from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { RUNNER } from './jobs';

export const INTERRUPTED = 'interrupted: the server stopped during the import; nothing was applied — run it again';
/** A job whose runner has not written for this long is taken as dead (another host stopped). */
const STALE = "interval '10 minutes'";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Server start: jobs left queued or running by a process that is gone are marked failed (their
 * apply transaction, if any, was rolled back by the database) and their staging rows are deleted.
 * A job's runner is gone when it was this host's process that no longer exists, when its heartbeat
 * is stale, or — embedded database, which one process owns — always.
 */
export async function recoverInterruptedImports(handle: DatabaseHandle): Promise<number[]> {
  const open = await queryRows<{ id: number; runner: string | null }>(handle.db, sql`SELECT id, runner FROM import_jobs WHERE status IN ('queued', 'running')`);
  const host = `${os.hostname()}:`;
  const dead = open
    .filter((j) => handle.kind === 'pglite' || !j.runner || (j.runner !== RUNNER && j.runner.startsWith(host) && !alive(Number(j.runner.slice(host.length)))))
    .map((j) => Number(j.id));
  const ids = `{${dead.join(',')}}`;
  const failed = await queryRows<{ id: number }>(handle.db, sql`UPDATE import_jobs
    SET status = 'failed', phase = 'done', error = ${INTERRUPTED}, finished_at = now()
    WHERE status IN ('queued', 'running') AND (id = ANY(${ids}::int[]) OR heartbeat_at < now() - ${sql.raw(STALE)})
    RETURNING id`);
  await handle.db.execute(sql`DELETE FROM import_staging WHERE job_id NOT IN (SELECT id FROM import_jobs WHERE status IN ('queued', 'running'))`);
  return failed.map((r) => Number(r.id));
}
