/**
 * Migrates the configured database (PGlite under .data/, or DATABASE_URL) and seeds it: the
 * taxonomies and rule thresholds always; the demo (users with published passwords, a year of cases,
 * notices) only when asked (DESIGN §10):
 * - embedded default: unless RECTIFY_SEED=none;
 * - DATABASE_URL (a real Postgres): only with RECTIFY_SEED=demo or --demo; and without
 *   NEXTAUTH_SECRET it stops with one line before anything is written.
 * --no-seed never seeds the demo. Prints the demo accounts when it seeds them.
 */
import { closeDatabase, getDatabase } from '../db/client';
import { DataFolderLockedError } from '../db/lock';
import { DEMO_CONTACT, DEMO_USERS, seedDemo, seedTaxonomies } from '../db/seed';
import { migrateEvidenceFromDisk } from '../lib/evidence/disk-migration';
import { missingSecretProblem } from '../lib/auth/secret';

function demoWanted(argv = process.argv, env = process.env): boolean {
  if (argv.includes('--no-seed') || env.RECTIFY_SEED === 'none') return false;
  if (argv.includes('--demo') || env.RECTIFY_SEED === 'demo') return true;
  return !env.DATABASE_URL;
}

async function main() {
  const started = Date.now();
  const problem = missingSecretProblem();
  if (problem) {
    console.error(`[rectify] ${problem}`);
    process.exit(1);
  }
  const demo = demoWanted();
  const { db, kind } = await getDatabase();
  await seedTaxonomies(db);
  const disk = await migrateEvidenceFromDisk(db);
  if (disk.moved || disk.missing.length) console.log(`[rectify] evidence files moved from disk into the database: ${disk.moved}; not found: ${disk.missing.join(', ') || 'none'}`);
  if (demo) {
    const result = await seedDemo(db, { today: new Date() });
    console.log(`[rectify] ${kind} database ready, demo ${result.created ? 'seeded' : 'already present'} (${Date.now() - started} ms)`);
    console.log('[rectify] demo accounts (demo mode only):');
    for (const u of DEMO_USERS) console.log(`           ${u.role.padEnd(10)} ${u.email.padEnd(28)} password: ${u.password}`);
    console.log(`           ${'contact'.padEnd(10)} ${DEMO_CONTACT.email.padEnd(28)} password: ${DEMO_CONTACT.password} (portal: /portal)`);
  } else {
    console.log(`[rectify] ${kind} database migrated (${Date.now() - started} ms)${kind === 'postgres' ? '; no demo data (RECTIFY_SEED=demo seeds it)' : ''}`);
  }
  await closeDatabase();
}

main().catch((err) => {
  console.error(err instanceof DataFolderLockedError ? `[rectify] ${err.message}` : err);
  process.exit(1);
});
