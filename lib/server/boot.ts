import { getDatabase } from '@/db/client';
import { DataFolderLockedError } from '@/db/lock';
import { migrateEvidenceFromDisk } from '@/lib/evidence/disk-migration';
import { importQueueOf } from '@/lib/imports/queue';
import { missingSecretProblem } from '@/lib/auth/secret';

// Before the database is opened (opening migrates it): a real Postgres needs the shared session secret.
const problem = missingSecretProblem();
if (problem) {
  console.error(`[rectify] ${problem}`);
  process.exit(1);
}

try {
  const handle = await getDatabase();
  console.log(`[rectify] database ready (${handle.kind})`);
  const disk = await migrateEvidenceFromDisk(handle.db);
  if (disk.moved || disk.missing.length) console.log(`[rectify] evidence files moved from disk into the database: ${disk.moved}; not found here: ${disk.missing.length}`);
  // Import jobs: this copy runs them unless RECTIFY_IMPORT_WORKER=0 (then `npm run worker` does);
  // jobs whose runner died are run again from the start or failed (lib/imports/queue).
  const queue = await importQueueOf(handle);
  console.log(`[rectify] import jobs: ${queue.kind} queue, ${process.env.RECTIFY_IMPORT_WORKER === '0' ? 'run by workers elsewhere' : 'run by this process too'}`);
} catch (err) {
  if (err instanceof DataFolderLockedError) {
    console.error(`[rectify] ${err.message}`);
    process.exit(1);
  }
  throw err;
}
