import { defineConfig } from 'drizzle-kit';

// `drizzle-kit generate` only: migrations are applied by db/migrate.ts at start-up, on PGlite and Postgres alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
