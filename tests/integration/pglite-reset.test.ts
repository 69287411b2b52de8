/**
 * The worker's PGlite is brought back to the migrated template between files (tests/support/db.ts,
 * tests/support/pglite-reuse.ts). Every file's reset is checked against the template's fingerprint;
 * this file shows that check can fail: each kind of leftover changes the fingerprint, a reset removes
 * it, a change of schema is refused (a new instance then), and a reset that does not refill what it
 * emptied throws naming the table. It also shows a file's handle is fenced once closed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { setupTestDatabase, teardownTestDatabase, testDatabaseKind } from '../support/db';
import { fingerprint, fingerprintDifferences, resetToTemplate, templateState } from '../support/pglite-reuse';
import { loadPgliteFromTemplateFile } from '../support/pglite-template';

describe.skipIf(testDatabaseKind() !== 'pglite')('resetting a PGlite to the template', () => {
  let pg: PGlite;
  let template: Awaited<ReturnType<typeof templateState>>;

  beforeAll(async () => {
    pg = await loadPgliteFromTemplateFile(inject('rectifyPgliteTemplate')!);
    template = await templateState(pg);
  });
  afterAll(async () => {
    await pg?.close();
  });

  const differences = async () => fingerprintDifferences(template.fingerprint, await fingerprint(pg));

  it('sees each leftover, and the reset removes it', async () => {
    expect(await differences()).toEqual([]);
    const sequence = [...template.fingerprint.sequences.keys()].find((s) => s.includes('users'))!;
    await pg.exec(`INSERT INTO settings (key, value) VALUES ('left', 'behind')`);
    await pg.exec(`UPDATE stats_version SET token = gen_random_uuid()`);
    await pg.exec(`DELETE FROM region_aliases WHERE ctid = (SELECT min(ctid) FROM region_aliases)`);
    await pg.query(`SELECT nextval($1)`, [sequence]);
    await pg.exec(`SET statement_timeout = '7s'`);
    await pg.exec(`CREATE TEMP TABLE scratch (n int)`);
    await pg.exec(`BEGIN; INSERT INTO settings (key, value) VALUES ('open', 'transaction')`);
    expect(await differences()).toEqual(
      expect.arrayContaining(['schema', 'rows of settings', 'rows of stats_version', 'rows of region_aliases', `sequence ${sequence}`]),
    );

    expect(await resetToTemplate(pg, template)).toBe(true);
    expect(await differences()).toEqual([]);
    expect((await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM region_aliases`)).rows[0]!.n).toBeGreaterThan(0);
    expect((await pg.query<{ s: string }>(`SELECT current_setting('statement_timeout') AS s`)).rows[0]!.s).toBe('0');
  });

  it('refuses a database whose schema changed: the caller loads a new instance', async () => {
    await pg.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    expect(await differences()).toEqual(['schema']);
    expect(await resetToTemplate(pg, template)).toBe(false);
    await pg.exec(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    expect(await differences()).toEqual([]);
  });

  it('fails when a reset leaves rows out', async () => {
    await pg.exec(`DELETE FROM stores WHERE ctid = (SELECT min(ctid) FROM stores)`);
    const forgetful = { ...template, rows: new Map([...template.rows].filter(([t]) => t !== 'stores')) };
    await expect(resetToTemplate(pg, forgetful)).rejects.toThrow(/left differences: rows of stores$/);
    expect(await resetToTemplate(pg, template)).toBe(true);
  });

  it("fences a file's handle once the file closed it", async () => {
    const handle = await setupTestDatabase();
    await handle.db.execute(sql`INSERT INTO settings (key, value) VALUES ('this', 'file')`);
    await teardownTestDatabase();
    const late = await handle.db.execute(sql`SELECT 1`).then(() => undefined, (err: unknown) => err);
    expect(String((late as Error | undefined)?.cause)).toMatch(/PGlite is closed/);
    const next = await setupTestDatabase();
    expect(await next.db.execute(sql`SELECT key FROM settings`)).toMatchObject({ rows: [] });
    await teardownTestDatabase();
  });
});
