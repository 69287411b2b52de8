/**
 * One fresh, migrated database per integration test file:
 *
 *   let handle: DatabaseHandle;
 *   beforeAll(async () => { handle = await setupTestDatabase(); });
 *   afterAll(teardownTestDatabase);
 *
 * PGlite by default (a copy of the migrated template the global setup dumped), Postgres when
 * TEST_DATABASE_URL is set (CREATE DATABASE rectify_t_<run>_<rand> TEMPLATE rectify_tpl_<run>).
 * The handle is also installed as the process-wide database, so app code calling getDb()/getDatabase()
 * uses it. Data is empty (no seed): each file creates what it needs.
 */
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
// Aliased: the React hooks lint rule takes any use*() call for a hook.
import { openPglite, openPostgres, migrateDatabase, useDatabase as installDatabase, type DatabaseHandle } from '../../db/client';
import { noteDatabaseAvailable } from '../../db/health';
import { createDatabase, databaseUrl, dropDatabase, newRunId, randomSuffix } from './pg-admin';
import { createMigratedPglite, loadPgliteFromTemplateFile } from './pglite-template';
import type { PGlite } from '@electric-sql/pglite';

interface Opened {
  handle: DatabaseHandle;
  /** Postgres only: the database to drop once closed. */
  drop?: { adminUrl: string; name: string };
}

const opened: Opened[] = [];

function injected<K extends 'rectifyPgliteTemplate' | 'rectifyPgTemplate' | 'rectifyRunId'>(key: K) {
  try {
    return inject(key);
  } catch {
    return undefined; // outside the integration project's global setup
  }
}

/** Fallback when the global setup did not run: one migrated PGlite per worker, cloned per file. */
let workerTemplate: Promise<PGlite> | undefined;

async function freshPglite(): Promise<PGlite> {
  const file = injected('rectifyPgliteTemplate');
  if (file) return loadPgliteFromTemplateFile(file);
  workerTemplate ??= createMigratedPglite();
  return (await (await workerTemplate).clone()) as PGlite;
}

async function freshPostgres(adminUrl: string): Promise<Opened> {
  const template = injected('rectifyPgTemplate');
  const runId = injected('rectifyRunId') ?? newRunId();
  const name = `rectify_t_${runId}_${randomSuffix()}`;
  await createDatabase(adminUrl, name, template);
  const drop = { adminUrl, name };
  try {
    const handle = await openPostgres(databaseUrl(adminUrl, name), { max: 5 });
    if (!template) await migrateDatabase(handle);
    return { handle, drop };
  } catch (err) {
    await dropDatabase(adminUrl, name).catch(() => undefined);
    throw err;
  }
}

/** A new empty migrated database, installed as the process-wide one. Call in beforeAll. */
export async function setupTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const entry = adminUrl ? await freshPostgres(adminUrl) : { handle: await openPglite(undefined, await freshPglite()) };
  opened.push(entry);
  // The integration files share one process (vitest.config.ts: isolate: false), so the per-process
  // caches outlive a file. The stats cache is keyed by the stats version, counter AND token
  // (lib/stats/cache.ts): every copy of the template starts at the template's, so a file would be
  // served figures another file's database computed. A new token per database, as every raise gives.
  await entry.handle.db.execute(sql`UPDATE stats_version SET token = gen_random_uuid()`);
  // The last database's outage (a file that stopped Postgres) is not this one's.
  noteDatabaseAvailable();
  installDatabase(entry.handle);
  return entry.handle;
}

/** Closes (and on Postgres drops) every database setupTestDatabase opened in this file. Call in afterAll. */
export async function teardownTestDatabase(): Promise<void> {
  const errors: unknown[] = [];
  while (opened.length) {
    const { handle, drop } = opened.pop()!;
    await handle.close().catch((err) => errors.push(err));
    if (drop) await dropDatabase(drop.adminUrl, drop.name).catch((err) => errors.push(err));
  }
  if (errors.length) throw errors[0];
}

/** The kind the integration tests run on in this process. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}
