import { getDatabase } from '@/db/client';
import { DataFolderLockedError } from '@/db/lock';
import { migrateEvidenceFromDisk } from '@/lib/evidence/disk-migration';
import { recoverInterruptedImports } from '@/lib/imports/recover';
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
  const interrupted = await recoverInterruptedImports(handle);
  if (interrupted.length) console.log(`[rectify] imports interrupted by the last stop, marked failed: ${interrupted.join(', ')}`);
} catch (err) {
  if (err instanceof DataFolderLockedError) {
    console.error(`[rectify] ${err.message}`);
    process.exit(1);
  }
  throw err;
}
