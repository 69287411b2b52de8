/**
 * Vitest globalSetup of the `blackbox` project: runs once per `vitest run`, in the main process.
 * Builds the production server when stale (reusing the one build `.ci/run` makes), starts it the way
 * the README does on a fresh database (PGlite, or Postgres when TEST_DATABASE_URL is set), hands its
 * address to the test files, and stops it (dropping its database) at the end.
 */
import type { TestProject } from 'vitest/node';
import { ensureBuild, startServer, type DatabaseKind } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared server every black-box test talks to. */
    blackbox: { baseUrl: string; database: DatabaseKind; logFile: string; evidenceDir: string; databaseUrl?: string };
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  ensureBuild();
  const server = await startServer({ label: 'main' });
  console.log(`[blackbox] ${server.database} server on ${server.baseUrl} up in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${server.logFile})`);
  project.provide('blackbox', { baseUrl: server.baseUrl, database: server.database, logFile: server.logFile, evidenceDir: server.evidenceDir, databaseUrl: server.databaseUrl });
  return async () => {
    await server.stop();
  };
}
