import fs from 'node:fs';
import path from 'node:path';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { writeStoredFile } from '@/lib/files/store';

/** Where evidence files were kept on one server's disk before they moved into the database. */
export function legacyEvidenceDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.RECTIFY_EVIDENCE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data', 'evidence'));
}

export interface DiskMigrationResult {
  moved: number;
  /** Rows whose file is not on this server's disk (another copy may have it), or whose bytes do not match their hash. */
  missing: string[];
}

/**
 * Start-up: moves evidence files of the old on-disk store (`.data/evidence/<ab>/<sha256>`) into the
 * database, one transaction per file (row locked, SKIP LOCKED so copies starting together share the
 * work). A row is done once it names its stored file, so running it again changes nothing. The
 * bytes must hash to the row's SHA-256; the disk file is left where it was.
 */
export async function migrateEvidenceFromDisk(db: Db, dir = legacyEvidenceDir()): Promise<DiskMigrationResult> {
  const result: DiskMigrationResult = { moved: 0, missing: [] };
  const pending = await queryRows<{ sha256: string }>(db, sql`SELECT sha256 FROM evidence WHERE file_id IS NULL AND storage_path IS NOT NULL ORDER BY sha256`);
  for (const { sha256 } of pending) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await queryRows<{ storage_path: string }>(tx, sql`SELECT storage_path FROM evidence WHERE sha256 = ${sha256} AND file_id IS NULL FOR UPDATE SKIP LOCKED`);
      if (!row) return 'skipped' as const;
      const file = path.join(dir, row.storage_path);
      if (!file.startsWith(dir + path.sep) || !fs.existsSync(file)) return 'missing' as const;
      const stored = await writeStoredFile(tx, 'evidence', fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), { migratedFrom: row.storage_path });
      if (stored.sha256 !== sha256) tx.rollback(); // a damaged file: reported, the row left as it was
      await tx.execute(sql`UPDATE evidence SET file_id = ${stored.id}, byte_size = ${stored.byteSize} WHERE sha256 = ${sha256}`);
      return 'moved' as const;
    }).catch((err: unknown) => {
      if (err instanceof TransactionRollbackError) return 'missing' as const;
      throw err;
    });
    if (outcome === 'moved') result.moved++;
    else if (outcome === 'missing') result.missing.push(sha256);
  }
  return result;
}
