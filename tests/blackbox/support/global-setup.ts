/**
 * Vitest globalSetup of the `blackbox` project: runs once per `vitest run`, in the main process.
 * Builds the production server when stale (reusing the one build `.ci/run` makes); prepares the pass's
 * database once (scripts/prepare-db.ts on a new PGlite data folder, or on a Postgres template database
 * `rectify_bbtpl_<run>` when TEST_DATABASE_URL is set: every migration and the demo seed, from nothing)
 * and hands it to the test files, whose own servers start on copies of it (support/server.ts); starts
 * the shared server the way the README does on a copy of it, hands its address to the test files, and
 * at the end stops it and drops what it prepared.
 */
import type { TestProject } from 'vitest/node';
import { ensureBuild, prepareDatabase, startServer, setPreparedDatabase, type DatabaseKind, type PreparedDatabase } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared server every black-box test talks to. */
    blackbox: { baseUrl: string; database: DatabaseKind; logFile: string; evidenceDir: string; databaseUrl?: string };
    /** The pass's migrated, demo-seeded database, which `startServer` copies. */
    blackboxPrepared: PreparedDatabase;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  ensureBuild();
  const { prepared, drop } = await prepareDatabase();
  const preparedIn = (Date.now() - started) / 1000;
  try {
    setPreparedDatabase(prepared);
    // The shared server goes through start.mjs as a user's would: prepare-db's second start, then next start.
    const server = await startServer({ label: 'main', secondStart: true });
    console.log(
      `[blackbox] ${server.database} database prepared in ${preparedIn.toFixed(1)} s (${prepared.template ?? prepared.dataDir}); ` +
        `server on ${server.baseUrl} up in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${server.logFile})`,
    );
    project.provide('blackbox', { baseUrl: server.baseUrl, database: server.database, logFile: server.logFile, evidenceDir: server.evidenceDir, databaseUrl: server.databaseUrl });
    project.provide('blackboxPrepared', prepared);
    return async () => {
      await server.stop();
      await drop();
    };
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}
