import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Three projects:
 * - `unit`: tests/unit/**, pure code, no database.
 * - `integration`: tests/integration/**, each file gets its own migrated database from
 *   tests/support/db.ts (PGlite by default, Postgres when TEST_DATABASE_URL is set).
 * - `blackbox`: tests/blackbox/**, HTTP only, against the production server started the way the
 *   README does (tests/blackbox/README.md), on PGlite, or on Postgres when TEST_DATABASE_URL is set.
 * `npm test` (scripts/test.mjs) runs all three, then integration and blackbox again on Postgres, then e2e.
 */
export default defineConfig({
  // Mirrors tsconfig's `"paths": { "@/*": ["./*"] }`; a regex so `@electric-sql/...` is untouched.
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    root,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // npm test runs the unit files beside the other steps (scripts/test.mjs): a property test of
          // 1.5 s alone took 5.3 s at load 12, past vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup-integration.ts'],
          // One process for the project's files, one after another (docs/testing.md, "One process per vitest
          // pass"): the app's modules are imported and PGlite's WASM compiled once per pass, not once per
          // file. Each file still starts on a database equal to the migrated template (tests/support/db.ts) and
          // runs its setup file.
          isolate: false,
          // Opening a database (PGlite's WASM start-up) takes seconds on a 2-core machine.
          hookTimeout: 120_000,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'blackbox',
          include: ['tests/blackbox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/blackbox/support/global-setup.ts'],
          setupFiles: ['tests/blackbox/support/setup-file.ts'],
          // One process for the project's files, as for integration; the files talk HTTP only.
          isolate: false,
          // The global setup may build (minutes) and starts the server; uploads of 100 MB take a while.
          hookTimeout: 600_000,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
