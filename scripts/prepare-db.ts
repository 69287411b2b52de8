/**
 * Migrates the configured database (PGlite under .data/, or DATABASE_URL) and seeds it:
 * the taxonomies and rule thresholds always; the demo (users, a year of cases, notices) unless
 * RECTIFY_SEED=none or --no-seed. Prints the demo accounts when it seeds them.
 */
import { closeDatabase, getDatabase } from '../db/client';
import { DataFolderLockedError } from '../db/lock';
import { DEMO_USERS, seedDemo, seedTaxonomies } from '../db/seed';
import { migrateEvidenceFromDisk } from '../lib/evidence/disk-migration';

async function main() {
  const started = Date.now();
  const demo = !process.argv.includes('--no-seed') && process.env.RECTIFY_SEED !== 'none';
  const { db, kind } = await getDatabase();
  await seedTaxonomies(db);
  const disk = await migrateEvidenceFromDisk(db);
  if (disk.moved || disk.missing.length) console.log(`[rectify] evidence files moved from disk into the database: ${disk.moved}; not found: ${disk.missing.join(', ') || 'none'}`);
  if (demo) {
    const result = await seedDemo(db, { today: new Date() });
    console.log(`[rectify] ${kind} database ready, demo ${result.created ? 'seeded' : 'already present'} (${Date.now() - started} ms)`);
    console.log('[rectify] demo accounts (demo mode only):');
    for (const u of DEMO_USERS) console.log(`           ${u.role.padEnd(10)} ${u.email.padEnd(28)} password: ${u.password}`);
  } else {
    console.log(`[rectify] ${kind} database migrated (${Date.now() - started} ms)`);
  }
  await closeDatabase();
}

main().catch((err) => {
  console.error(err instanceof DataFolderLockedError ? `[rectify] ${err.message}` : err);
  process.exit(1);
});
