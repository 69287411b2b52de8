/**
 * `npm run db:backup [file]`: backs up the configured database (DATABASE_URL, else the embedded one,
 * which must not be open in a running server). Default file: backups/rectify-<time>.(dump|tar.gz).
 */
import path from 'node:path';
import { defaultDataDir } from '../db/client';
import { backupPglite } from '../lib/backup/pglite';
import { backupPostgres } from '../lib/backup/postgres';

async function main() {
  const url = process.env.DATABASE_URL;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(process.argv[2] ?? path.join('backups', `rectify-${stamp}.${url ? 'dump' : 'tar.gz'}`));
  const bytes = url ? await backupPostgres(url, file) : await backupPglite(defaultDataDir(), file);
  console.log(`[rectify] backup of the ${url ? 'Postgres' : 'embedded'} database written to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB)`);
}

main().catch((err) => {
  console.error(`[rectify] backup failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
