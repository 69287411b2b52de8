import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPglite, openPostgres, queryRows, type DatabaseHandle } from '../../db/client';
import { seedDemo, seedTaxonomies } from '../../db/seed';
import { verifyAuditChain } from '../../lib/audit-verify';
import { backupPglite, restorePglite } from '../../lib/backup/pglite';
import { backupPostgres, restorePostgres } from '../../lib/backup/postgres';
import { createDatabase, databaseUrl, dropDatabase, randomSuffix } from '../support/pg-admin';
import { testDatabaseKind } from '../support/db';

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

async function seeded(handle: DatabaseHandle): Promise<Record<string, string>> {
  await migrateDatabase(handle);
  await seedTaxonomies(handle.db);
  await seedDemo(handle.db, { today: new Date('2026-06-15T00:00:00Z') });
  return digest(handle);
}

describe.skipIf(testDatabaseKind() !== 'pglite')('backup and restore of the embedded database', () => {
  it('round-trips every table exactly, and keeps the folder it replaced', async () => {
    const source = path.join(tmp, 'source');
    const first = await openPglite(source);
    const before = await seeded(first);
    await first.close();

    const file = path.join(tmp, 'backup.tar.gz');
    expect(await backupPglite(source, file)).toBeGreaterThan(1000);

    const target = path.join(tmp, 'target');
    const empty = await openPglite(target);
    await migrateDatabase(empty);
    await empty.close();
    const keptAside = await restorePglite(file, target);
    expect(keptAside && fs.existsSync(keptAside)).toBeTruthy();

    const restored = await openPglite(target);
    expect(await digest(restored)).toEqual(before);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['cases', 'audit_events', 'findings']));
    expect((await verifyAuditChain(restored.db)).ok).toBe(true);
    await restored.close();
  }, 120_000);

  it('refuses to back up a folder a server has open', async () => {
    const dir = path.join(tmp, 'busy');
    const open = await openPglite(dir);
    await expect(backupPglite(dir, path.join(tmp, 'busy.tar.gz'))).rejects.toThrow(/already in use/);
    await open.close();
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('backup and restore of a Postgres database', () => {
  it('round-trips every table exactly with pg_dump / pg_restore, the audit chain intact', async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const [a, b] = [`rectify_bk_a_${randomSuffix()}`, `rectify_bk_b_${randomSuffix()}`];
    await createDatabase(admin, a);
    await createDatabase(admin, b);
    try {
      const source = await openPostgres(databaseUrl(admin, a), { max: 2 });
      const before = await seeded(source);
      await source.close();
      const file = path.join(tmp, 'backup.dump');
      expect(await backupPostgres(databaseUrl(admin, a), file)).toBeGreaterThan(1000);
      await restorePostgres(file, databaseUrl(admin, b));
      const restored = await openPostgres(databaseUrl(admin, b), { max: 2 });
      expect(await digest(restored)).toEqual(before);
      expect((await verifyAuditChain(restored.db)).ok).toBe(true);
      await restored.close();
    } finally {
      await dropDatabase(admin, a);
      await dropDatabase(admin, b);
    }
  }, 120_000);
});
