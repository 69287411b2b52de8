import fs from 'node:fs';
import path from 'node:path';
import { acquireDataFolderLock } from '@/db/lock';

/**
 * Backup of the embedded database: PGlite's own data-folder archive (a gzipped tarball of PGDATA),
 * taken under the folder lock so no server writes meanwhile.
 */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const release = acquireDataFolderLock(dataDir);
  try {
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    const archive = await db.dumpDataDir('gzip');
    await db.close();
    const bytes = Buffer.from(await archive.arrayBuffer());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    return bytes.length;
  } finally {
    release();
  }
}

/**
 * Restores an archive into `dataDir`. The current folder is kept beside it (`<dir>.before-restore-<time>`)
 * until the restored database has opened and answered, so a bad archive loses nothing.
 */
export async function restorePglite(file: string, dataDir: string): Promise<string | null> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const release = acquireDataFolderLock(dataDir);
  let keptAside: string | null = null;
  try {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      keptAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dataDir, keptAside);
    }
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      const archive = new Blob([fs.readFileSync(file)]);
      const db = await PGlite.create({ dataDir, loadDataDir: archive, extensions: { pg_trgm } });
      await db.query('SELECT 1');
      await db.close();
    } catch (err) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (keptAside) fs.renameSync(keptAside, dataDir);
      throw err;
    }
    return keptAside;
  } finally {
    release();
  }
}
