import type { DatabaseHandle } from '@/db/client';
import { createImportQueue, queueSettings } from './queue';
import type { Outcome } from './queue/claims';

export { INTERRUPTED, CANCELLED } from './queue/claims';

/**
 * One look for jobs whose runner is gone (Postgres: no runner holds the job's lock; the embedded
 * database: not a run of this process): each runs again from the start while it has attempts left
 * (RECTIFY_IMPORT_ATTEMPTS), else it is failed with "nothing was applied". The queue does this at
 * start and, on Postgres, every few seconds (lib/imports/queue); scripts and tests call it here.
 */
export async function recoverInterruptedImports(handle: DatabaseHandle, options: { maxAttempts?: number } = {}): Promise<{ id: number; outcome: Outcome }[]> {
  const settings = queueSettings(handle.kind);
  const queue = await createImportQueue(handle, { ...settings, maxAttempts: options.maxAttempts ?? settings.maxAttempts, runJobs: false });
  try {
    return await queue.recover();
  } finally {
    await queue.stop();
  }
}
