import { getDatabase } from '@/db/client';
import { DataFolderLockedError } from '@/db/lock';

try {
  const { kind } = await getDatabase();
  console.log(`[rectify] database ready (${kind})`);
} catch (err) {
  if (err instanceof DataFolderLockedError) {
    console.error(`[rectify] ${err.message}`);
    process.exit(1);
  }
  throw err;
}
