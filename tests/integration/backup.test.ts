import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, queryRows, type DatabaseHandle } from '../../db/client';
import { seedDemo, seedTaxonomies } from '../../db/seed';
import { verifyAuditChain } from '../../lib/audit-verify';
import { storeEvidence } from '../../lib/evidence/store';
import { CHUNK_BYTES, readStoredFile } from '../../lib/files/store';
import { backupPglite, restorePglite } from '../../lib/backup/pglite';
import { backupPostgres, restorePostgres } from '../../lib/backup/postgres';
import { createDatabase, databaseUrl, dropDatabase, randomSuffix } from '../support/pg-admin';
import { testDatabaseKind } from '../support/db';
import { makePng } from '../support/png';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every table of the schema: its row count and a digest of all its rows, in a stable order. */
async function digest(handle: DatabaseHandle): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(handle.db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: string; md5: string | null }>(
      handle.db,
      sql.raw(`SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${name}" t`),
    );
    out[name] = `${row!.n}:${row!.md5}`;
  }
  return out;
}

/** Evidence files of several sizes (one spanning three chunks), uploaded as an inspector would. */
async function withEvidence(handle: DatabaseHandle): Promise<void> {
  const [user] = await queryRows<{ id: number }>(handle.db, sql`SELECT id FROM users WHERE role = 'inspector' ORDER BY id LIMIT 1`);
  const actor = { kind: 'user' as const, id: Number(user!.id), role: 'inspector' as const, name: 'inspector', email: 'inspector@rectify.demo' };
  for (const extra of [0, 100_000, 2 * CHUNK_BYTES + 12_345]) {
    await storeEvidence(handle.db, actor, { bytes: Buffer.concat([makePng(extra % 251), randomBytes(extra)]), originalName: `shot-${extra}.png` });
  }
}

/** Every evidence row with bytes, read back from its chunks: its SHA-256 and size as they hash now. */
async function evidenceBytes(handle: DatabaseHandle): Promise<string[]> {
  const rows = await queryRows<{ sha256: string; file_id: string }>(handle.db, sql`SELECT sha256, file_id FROM evidence WHERE file_id IS NOT NULL ORDER BY sha256`);
  const out: string[] = [];
  for (const row of rows) {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of readStoredFile(handle.db, Number(row.file_id))) {
      hash.update(chunk);
      size += chunk.length;
    }
    expect(hash.digest('hex')).toBe(row.sha256);
    out.push(`${row.sha256}:${size}`);
  }
  return out;
}

/**
 * A PGlite data folder holding a copy of the migrated template (the integration project's global setup
 * dumps it once per run): no initdb and no migrations run again here — what this file tests is the
 * round trip of a folder, not how it was migrated.
 */
async function migratedFolder(dir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const template = inject('rectifyPgliteTemplate');
  if (!template) throw new Error('no PGlite template: run this file through the integration project (its global setup)');
  fs.mkdirSync(dir, { recursive: true });
  return openPglite(dir, await PGlite.create({ dataDir: dir, loadDataDir: new Blob([new Uint8Array(fs.readFileSync(template))]), extensions: { pg_trgm } }));
}

/** The demo data and evidence in a migrated database, and their digest. */
async function seeded(handle: DatabaseHandle): Promise<{ tables: Record<string, string>; evidence: string[] }> {
  await seedTaxonomies(handle.db);
  await seedDemo(handle.db, { today: new Date('2026-06-15T00:00:00Z') });
  await withEvidence(handle);
  const evidence = await evidenceBytes(handle);
  expect(evidence).toHaveLength(3);
  return { tables: await digest(handle), evidence };
}

async function expectIdentical(restored: DatabaseHandle, before: { tables: Record<string, string>; evidence: string[] }) {
  expect(await digest(restored)).toEqual(before.tables);
  expect(Object.keys(before.tables)).toEqual(expect.arrayContaining(['cases', 'audit_events', 'findings', 'stored_file_chunks']));
  expect(await evidenceBytes(restored)).toEqual(before.evidence);
  expect((await verifyAuditChain(restored.db)).ok).toBe(true);
}

describe.skipIf(testDatabaseKind() !== 'pglite')('backup and restore of the embedded database', () => {
  it('round-trips every table and every evidence byte exactly, and keeps the folder it replaced', async () => {
    const source = path.join(tmp, 'source');
    const first = await migratedFolder(source);
    const before = await seeded(first);
    await first.close();

    const file = path.join(tmp, 'backup.tar.gz');
    expect(await backupPglite(source, file)).toBeGreaterThan(1000);

    // Wipe: the folder is replaced by an empty migrated database, then restored over.
    fs.rmSync(source, { recursive: true });
    const empty = await migratedFolder(source);
    await empty.close();
    const keptAside = await restorePglite(file, source);
    expect(keptAside && fs.existsSync(keptAside)).toBeTruthy();

    const restored = await openPglite(source);
    await expectIdentical(restored, before);
    await restored.close();
  }, 300_000); // the embedded round trip measured ~105 s on 2 busy cores (2026-12-06)

  it('refuses to back up a folder a server has open', async () => {
    const dir = path.join(tmp, 'busy');
    const open = await migratedFolder(dir);
    await expect(backupPglite(dir, path.join(tmp, 'busy.tar.gz'))).rejects.toThrow(/already in use/);
    await open.close();
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('backup and restore of a Postgres database', () => {
  it('round-trips every table and every evidence byte exactly with pg_dump / pg_restore, the audit chain intact', async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const a = `rectify_bk_a_${randomSuffix()}`;
    // A copy of the run's migrated template (the global setup's), as every integration file's database.
    await createDatabase(admin, a, inject('rectifyPgTemplate'));
    try {
      const source = await openPostgres(databaseUrl(admin, a), { max: 2 });
      const before = await seeded(source);
      await source.close();
      const file = path.join(tmp, 'backup.dump');
      expect(await backupPostgres(databaseUrl(admin, a), file)).toBeGreaterThan(1000);
      // Wipe: the database is dropped and created empty, then restored.
      await dropDatabase(admin, a);
      await createDatabase(admin, a);
      await restorePostgres(file, databaseUrl(admin, a));
      const restored = await openPostgres(databaseUrl(admin, a), { max: 2 });
      await expectIdentical(restored, before);
      await restored.close();
    } finally {
      await dropDatabase(admin, a);
    }
  }, 120_000);
});
