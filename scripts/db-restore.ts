/**
 * `npm run db:restore <file>`: restores a backup made by db:backup into the configured database
 * (DATABASE_URL, else the embedded one, which must not be open in a running server).
 */
import path from 'node:path';
import { defaultDataDir } from '../db/client';
import { restorePglite } from '../lib/backup/pglite';
import { restorePostgres } from '../lib/backup/postgres';

async function main() {
  const arg = process.argv[2];
  if (!arg) throw new Error('name the backup file: npm run db:restore -- backups/rectify-….dump');
  const file = path.resolve(arg);
  const url = process.env.DATABASE_URL;
  if (url) {
    await restorePostgres(file, url);
    console.log(`[rectify] restored ${file} into the Postgres database`);
  } else {
    const keptAside = await restorePglite(file, defaultDataDir());
    console.log(`[rectify] restored ${file} into ${defaultDataDir()}${keptAside ? `; the previous data is kept in ${keptAside}` : ''}`);
  }
}

main().catch((err) => {
  console.error(`[rectify] restore failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
