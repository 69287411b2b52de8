import { getDatabase } from '@/db/client';
import { runImportJob, type RunOptions } from './run';

type QueueState = { tail: Promise<void>; pending: number };
const state: QueueState = ((globalThis as { __rectifyImportQueue?: QueueState }).__rectifyImportQueue ??= { tail: Promise.resolve(), pending: 0 });

/**
 * Runs import jobs in the background inside this process, one at a time, in the order they came.
 * Returns the job's completion (callers in a request do not wait for it).
 */
export function enqueueImport(options: RunOptions): Promise<void> {
  state.pending++;
  const run = state.tail.then(async () => {
    try {
      await runImportJob(await getDatabase(), options);
    } catch (err) {
      // The job row already carries the reason; the log has the stack.
      console.error(`[imports] job ${options.jobId} failed:`, err);
    } finally {
      state.pending--;
    }
  });
  state.tail = run;
  return run;
}

/** Jobs waiting or running in this process. */
export const pendingImports = () => state.pending;
