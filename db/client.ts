import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataFolderLock } from './lock';
import { noteDatabaseAvailable, noteDatabaseError, registerDatabaseProbe } from './health';
import './outage-redirect';

export type Schema = typeof schema;
/** The one database type the product codes against; PGlite and node-postgres both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The raw PGlite instance (embedded only), e.g. to clone a migrated template in tests. */
  pglite?: import('@electric-sql/pglite').PGlite;
  /** The node-postgres pool (Postgres only), e.g. for COPY. */
  pool?: import('pg').Pool;
}

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

export function defaultDataDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.RECTIFY_DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data', 'pglite'),
  );
}

const numberFromEnv = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n >= 0 && process.env[name] !== '' && process.env[name] !== undefined ? n : fallback;
};

/**
 * Opens a node-postgres pool on `url`. Every wait is bounded, so a request meets a 503 rather than a
 * hang while Postgres restarts (lib/http/route.ts maps the errors, db/health.ts names them):
 * - DATABASE_CONNECT_TIMEOUT_MS (10000): a new connection, or a free one from a full pool;
 * - DATABASE_QUERY_TIMEOUT_MS (300000): one statement, measured by the client (0 = none); generous
 *   because an import's apply is a few long statements;
 * - TCP keep-alive, so a connection to a vanished server is noticed.
 * A connection that broke is dropped by the pool; the next request opens a new one (no restart needed).
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const queryTimeout = numberFromEnv('DATABASE_QUERY_TIMEOUT_MS', 300_000);
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? numberFromEnv('DATABASE_POOL_MAX', 10),
    connectionTimeoutMillis: numberFromEnv('DATABASE_CONNECT_TIMEOUT_MS', 10_000),
    ...(queryTimeout > 0 ? { query_timeout: queryTimeout } : {}),
    keepAlive: true,
  });
  pool.on('error', (err) => {
    noteDatabaseError(err);
    console.error('[db] idle Postgres client error:', err.message);
  });
  pool.on('connect', () => noteDatabaseAvailable());
  registerDatabaseProbe(async () => {
    await pool.query('SELECT 1');
  });
  const db = drizzle(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', pool, close: () => pool.end() };
}

/** Opens PGlite: in memory when `dataDir` is undefined, else on disk under an exclusive lock. */
export async function openPglite(
  dataDir?: string,
  fromInstance?: import('@electric-sql/pglite').PGlite,
): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release: (() => void) | undefined;
  if (dataDir) {
    release = acquireDataFolderLock(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  try {
    const client = fromInstance ?? (await PGlite.create({ dataDir, extensions: { pg_trgm } }));
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        release?.();
      },
    };
  } catch (err) {
    release?.();
    throw err;
  }
}

/** Applies every committed migration; on Postgres under an advisory lock so many web copies can start at once. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = await handle.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7245000)');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock(7245000)').catch(() => undefined);
    client.release();
  }
}

/** Opens the database the environment names (DATABASE_URL, else PGlite under .data/) and migrates it. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const handle = url ? await openPostgres(url) : await openPglite(defaultDataDir());
  try {
    await migrateDatabase(handle);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

type Holder = { promise?: Promise<DatabaseHandle> };
const holder: Holder = ((globalThis as { __rectifyDb?: Holder }).__rectifyDb ??= {});

/** The process-wide database, opened and migrated on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.promise ??= openConfiguredDatabase().catch((err) => {
    holder.promise = undefined;
    throw err;
  });
  return holder.promise;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Points the process-wide database at `handle` (tests, scripts that opened their own). */
export function useDatabase(handle: DatabaseHandle): void {
  holder.promise = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const p = holder.promise;
  holder.promise = undefined;
  if (p) await (await p).close();
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Queryable, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
