import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, MIGRATIONS_FOLDER, openPglite, type DatabaseHandle } from '@/db/client';
import { DataFolderLockedError } from '@/db/lock';
import * as schema from '@/db/schema';
import { auditEvents, sectors, subjects } from '@/db/schema';
import { setupTestDatabase, teardownTestDatabase, testDatabaseKind } from '../support/db';

/** The Postgres error behind a Drizzle error (Drizzle wraps driver errors as `cause`). */
function pgError(err: unknown): { code?: string; constraint?: string; message: string } {
  let e = err as { cause?: unknown; code?: string; message?: string } | undefined;
  while (e && !e.code && e.cause) e = e.cause as typeof e;
  return (e ?? { message: String(err) }) as { code?: string; constraint?: string; message: string };
}

async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the statement to be refused, but it succeeded');
}

function rows<T>(result: unknown): T[] {
  // node-postgres returns { rows }, PGlite returns { rows } too; keep the cast in one place.
  return (result as { rows: T[] }).rows;
}

describe(`database (${testDatabaseKind()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await setupTestDatabase();
  });
  afterAll(teardownTestDatabase);

  it('is the process-wide database and of the expected kind', async () => {
    expect(handle.kind).toBe(testDatabaseKind());
    expect(await getDb()).toBe(handle.db);
  });

  it('has every migration applied and every table of db/schema', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    const applied = rows<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
    expect(applied[0]!.n).toBe(journal.entries.length);

    const expected = Object.values(schema as Record<string, unknown>)
      .filter((v): v is PgTable => is(v, PgTable))
      .map((t) => getTableName(t))
      .sort();
    expect(expected.length).toBeGreaterThan(20);
    const present = rows<{ table_name: string }>(
      await handle.db.execute(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`),
    ).map((r) => r.table_name);
    expect(expected.filter((t) => !present.includes(t))).toEqual([]);

    const ext = rows<{ extname: string }>(await handle.db.execute(sql`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`));
    expect(ext).toHaveLength(1);
  });

  it('hash-chains audit events and refuses to change them', async () => {
    const db = handle.db;
    for (const n of [1, 2, 3]) {
      await db.insert(auditEvents).values({ action: 'test.event', entityType: 'test', entityId: String(n), after: { n } });
    }
    const events = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe('');
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    for (const e of events) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(events.map((e) => e.hash)).size).toBe(3);

    // Each hash is sha256(prev_hash | canonical row), as audit:verify recomputes it.
    const broken = rows<{ seq: number }>(
      await db.execute(sql`SELECT seq FROM audit_events e
        WHERE hash <> encode(sha256(convert_to(prev_hash || '|' || audit_canonical(e), 'UTF8')), 'hex')`),
    );
    expect(broken).toEqual([]);

    const update = pgError(await rejectionOf(db.update(auditEvents).set({ action: 'tampered' })));
    expect(update.message).toMatch(/append-only/);
    const del = pgError(await rejectionOf(db.delete(auditEvents)));
    expect(del.message).toMatch(/append-only/);
    const truncate = pgError(await rejectionOf(db.execute(sql`TRUNCATE audit_events`)));
    expect(truncate.message).toMatch(/append-only/);

    const after = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(after).toEqual(events);
  });

  it('rejects a subject whose platform does not fit its kind', async () => {
    const db = handle.db;
    await db.insert(sectors).values({ code: 'retail', labelZh: '超市购物', labelEn: 'Retail' }).onConflictDoNothing();
    await db.insert(subjects).values({ kind: 'app', platform: 'android', name: '好物商城', sector: 'retail' });
    await db.insert(subjects).values({ kind: 'mini_program', platform: 'wechat', name: '好物商城小程序', sector: 'retail' });

    const appOnWechat = pgError(
      await rejectionOf(db.insert(subjects).values({ kind: 'app', platform: 'wechat', name: '错配', sector: 'retail' })),
    );
    expect(appOnWechat.code).toBe('23514'); // check_violation
    expect(appOnWechat.message).toMatch(/subjects_platform_fits_kind/);
    const miniOnIos = pgError(
      await rejectionOf(db.insert(subjects).values({ kind: 'mini_program', platform: 'ios', name: '错配', sector: 'retail' })),
    );
    expect(miniOnIos.code).toBe('23514');
  });
});

// The lock guards PGlite's on-disk folder; it means nothing on Postgres.
describe.skipIf(testDatabaseKind() === 'postgres')('PGlite data folder lock', () => {
  let dir: string;
  let first: DatabaseHandle | undefined;

  beforeAll(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-lock-')), 'pglite');
  });
  afterAll(async () => {
    await first?.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('lets one opener in and refuses a second one in the same process, naming the folder', async () => {
    first = await openPglite(dir);
    await first.pglite!.exec(`CREATE TABLE lock_probe (id int PRIMARY KEY, note text); INSERT INTO lock_probe VALUES (1, 'first');`);

    const err = await rejectionOf(openPglite(dir));
    expect(err).toBeInstanceOf(DataFolderLockedError);
    expect((err as Error).message).toContain(path.resolve(dir));
  });

  it('refuses a second process, which exits non-zero naming the folder, while the first keeps working', async () => {
    expect(first).toBeDefined();
    const tsxCli = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsxCli, path.join('tests', 'support', 'open-pglite-child.ts'), dir], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(stdout).not.toContain('opened');
    expect(code).not.toBe(0);
    expect(stderr).toContain('DataFolderLockedError');
    expect(stderr).toContain(path.resolve(dir));

    // The refused process did not take or remove the lock: the first handle still writes and reads.
    await first!.pglite!.query(`INSERT INTO lock_probe VALUES (2, 'after the second process')`);
    const { rows: probe } = await first!.pglite!.query<{ id: number; note: string }>('SELECT id, note FROM lock_probe ORDER BY id');
    expect(probe).toEqual([
      { id: 1, note: 'first' },
      { id: 2, note: 'after the second process' },
    ]);
    await expect(openPglite(dir)).rejects.toBeInstanceOf(DataFolderLockedError);
  });

  it('is released on close, and the data survives', async () => {
    await first!.close();
    first = undefined;
    const again = await openPglite(dir);
    try {
      const { rows: probe } = await again.pglite!.query<{ n: number }>('SELECT count(*)::int AS n FROM lock_probe');
      expect(probe[0]!.n).toBe(2);
    } finally {
      await again.close();
    }
  });
});
