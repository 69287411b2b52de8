/**
 * One fresh, migrated database per integration test file:
 *
 *   let handle: DatabaseHandle;
 *   beforeAll(async () => { handle = await setupTestDatabase(); });
 *   afterAll(teardownTestDatabase);
 *
 * PGlite by default (the migrated template the global setup dumped: the worker's instance brought back
 * to it and checked equal to it, or a new instance loaded from the dump; see `workerPglite`), Postgres
 * when TEST_DATABASE_URL is set (CREATE DATABASE rectify_t_<run>_<rand> TEMPLATE rectify_tpl_<run>).
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
import { resetToTemplate, templateState } from './pglite-reuse';
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

/**
 * The worker's PGlite (the files of a pass share one process: vitest.config.ts, isolate: false), brought
 * back to the template between files (tests/support/pglite-reuse.ts, which proves it per file) instead
 * of a new instance loaded from the dump per file. A file gets it behind a fence: once the file closed
 * its handle, whatever of it still runs (a timer, a late job) meets a closed database, as with an
 * instance of its own, and cannot write into the next file's. RECTIFY_TEST_PGLITE_PER_FILE=1 loads a
 * new instance per file as before (to compare).
 */
let worker: { file: string; instance: PGlite; template: Awaited<ReturnType<typeof templateState>>; inUse: boolean } | undefined;

function fenced(instance: PGlite, release: () => void): PGlite {
  let open = true;
  return new Proxy(instance, {
    get(target, prop) {
      if (prop === 'close') {
        return async () => {
          if (open) release();
          open = false;
        };
      }
      if (prop === 'closed') return !open || target.closed;
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (!open) throw new Error('PGlite is closed (this test file closed its database)');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function workerPglite(file: string): Promise<PGlite> {
  if (worker?.inUse || process.env.RECTIFY_TEST_PGLITE_PER_FILE === '1') return loadPgliteFromTemplateFile(file); // a file's second database
  if (worker && worker.file === file && !worker.instance.closed) {
    let reset = false;
    try {
      reset = await resetToTemplate(worker.instance, worker.template);
    } catch (err) {
      await worker.instance.close().catch(() => undefined);
      worker = undefined;
      throw err;
    }
    if (!reset) await worker.instance.close(); // the last file changed the schema: a new instance
  }
  if (!worker || worker.file !== file || worker.instance.closed) {
    if (worker && !worker.instance.closed) await worker.instance.close();
    const instance = await loadPgliteFromTemplateFile(file);
    // Read from the first instance of the process, before any file used it: what every reset must give back.
    const template = worker?.file === file ? worker.template : await templateState(instance);
    worker = { file, instance, template, inUse: false };
  }
  const current = worker;
  current.inUse = true;
  return fenced(current.instance, () => {
    current.inUse = false;
  });
}

async function freshPglite(): Promise<PGlite> {
  const file = injected('rectifyPgliteTemplate');
  if (file) return workerPglite(file);
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
  const timing = startTiming();
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
  timing?.('open');
  return entry.handle;
}

/**
 * Closes (and on Postgres drops) every database setupTestDatabase opened in this file. Call in afterAll.
 * The drop is not waited for: DROP DATABASE forces a checkpoint (0.14–0.9 s of wall a file, little CPU),
 * and nothing of the next file depends on it (its database has another name). The connections are closed
 * first, so only this drop touches the database; a drop still under way when the process ends, or one that
 * failed, is done by the global teardown (tests/support/global-setup.ts drops every database of the run).
 */
export async function teardownTestDatabase(): Promise<void> {
  const timing = opened.length ? startTiming() : undefined;
  const errors: unknown[] = [];
  while (opened.length) {
    const { handle, drop } = opened.pop()!;
    await handle.close().catch((err) => errors.push(err));
    if (drop) void dropDatabase(drop.adminUrl, drop.name).catch((err) => console.warn(`[tests] dropping ${drop.name} failed (the global teardown drops it): ${err}`));
  }
  timing?.('close');
  if (errors.length) throw errors[0];
}

/** RECTIFY_TEST_VERBOSE: when a file's database was opened or closed, and what it cost (wall and CPU, ms). */
function startTiming(): ((what: string) => void) | undefined {
  if (!process.env.RECTIFY_TEST_VERBOSE) return undefined;
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  return (what) => {
    const c = process.cpuUsage(c0);
    console.log(`[tests] ${what} at ${Date.now()} wall ${Math.round(performance.now() - t0)} cpu ${Math.round((c.user + c.system) / 1000)}`);
  };
}

/** The kind the integration tests run on in this process. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}
