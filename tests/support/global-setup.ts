/**
 * Vitest globalSetup of the `integration` project; runs once per `vitest run`, in the main process.
 * - PGlite (default): makes sure a dump of a migrated database exists (cached across runs) and hands
 *   its path to the workers.
 * - Postgres (TEST_DATABASE_URL): creates and migrates `rectify_tpl_<run>`, closes every connection
 *   to it (CREATE DATABASE … TEMPLATE needs that), hands its name to the workers, and at teardown drops
 *   every database this run created.
 */
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openPostgres } from '../../db/client';
import {
  createDatabase, databaseUrl, dropDatabase, listRunDatabases, newRunId, sweepStaleDatabases, withAdmin, quoteIdent,
} from './pg-admin';
import { ensurePgliteTemplateFile } from './pglite-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the dumped migrated PGlite (PGlite runs). */
    rectifyPgliteTemplate: string | undefined;
    /** Run id and template database name (Postgres runs). */
    rectifyRunId: string;
    rectifyPgTemplate: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const runId = newRunId();
  project.provide('rectifyRunId', runId);

  if (!adminUrl) {
    const started = Date.now();
    project.provide('rectifyPgliteTemplate', await ensurePgliteTemplateFile());
    project.provide('rectifyPgTemplate', undefined);
    if (process.env.RECTIFY_TEST_VERBOSE) console.log(`[tests] PGlite template ready in ${Date.now() - started} ms`);
    return;
  }

  project.provide('rectifyPgliteTemplate', undefined);
  await sweepStaleDatabases(adminUrl);
  const template = `rectify_tpl_${runId}`;
  await createDatabase(adminUrl, template);
  try {
    const handle = await openPostgres(databaseUrl(adminUrl, template), { max: 1 });
    try {
      await migrateDatabase(handle);
    } finally {
      await handle.close();
    }
    // Nobody (autovacuum included) may connect to the template from now on, or copying it fails.
    await withAdmin(adminUrl, (c) => c.query(`ALTER DATABASE ${quoteIdent(template)} ALLOW_CONNECTIONS false`));
  } catch (err) {
    await dropDatabase(adminUrl, template).catch(() => undefined);
    throw err;
  }
  project.provide('rectifyPgTemplate', template);

  return async () => {
    // Per-file databases are dropped by teardownTestDatabase(); this also catches those of crashed workers.
    const names = await listRunDatabases(adminUrl, runId);
    for (const name of names.filter((n) => n !== template)) await dropDatabase(adminUrl, name).catch(() => undefined);
    await dropDatabase(adminUrl, template);
  };
}
