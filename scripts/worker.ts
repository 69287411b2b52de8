/**
 * `npm run worker`: runs import jobs only (no web server), on the database the environment names —
 * for web copies started with RECTIFY_IMPORT_WORKER=0 (README, "Import jobs on several copies";
 * docs/decisions/0008). Any number may run beside any number of web copies on one Postgres; at most
 * RECTIFY_IMPORT_CONCURRENCY jobs run at once across all of them. Stops on SIGINT/SIGTERM; a job it
 * was running is run again from the start by another runner.
 */
import { getDatabase } from '../db/client';
import { DataFolderLockedError } from '../db/lock';
import { createImportQueue, queueSettings } from '../lib/imports/queue';

async function main() {
  let handle;
  try {
    handle = await getDatabase();
  } catch (err) {
    if (err instanceof DataFolderLockedError) {
      console.error(`[worker] ${err.message} (the embedded database runs its imports in the server itself)`);
      process.exit(1);
    }
    throw err;
  }
  const settings = { ...queueSettings(handle.kind), runJobs: true };
  const queue = await createImportQueue(handle, settings);
  await queue.start();
  console.log(`[worker] running import jobs (${queue.kind}, at most ${settings.concurrency} at once${handle.kind === 'postgres' ? ' across every copy' : ''})`);
  const stop = async () => {
    await queue.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
