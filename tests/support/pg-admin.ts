/**
 * Creating and dropping the throw-away Postgres databases of a test run, next to the database
 * TEST_DATABASE_URL names (which is only ever used as the maintenance connection, never dropped).
 *
 * Names: `rectify_tpl_<run>` (the migrated template), `rectify_t_<run>_<rand>` (one per test file),
 * `rectify_e2e_<run>` (scripts/e2e.mjs), `rectify_bbtpl_<run>` (the black-box pass's prepared database). `<run>` starts with the creation time in base 36, so a later
 * run can sweep what a killed run left behind without touching the databases of a run still going.
 */
import crypto from 'node:crypto';

const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export function newRunId(): string {
  return `${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
}

export function randomSuffix(): string {
  return crypto.randomBytes(4).toString('hex');
}

/** `url` with its database replaced by `database`. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Refusing unusual database name ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** Runs `fn` on a short-lived connection to the maintenance database. */
export async function withAdmin<T>(adminUrl: string, fn: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * CREATE DATABASE, optionally from a template. Postgres refuses to copy a template while anyone is
 * connected to it (another backend, autovacuum): that error (55006) is retried for a while.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const sql = `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`;
  const deadline = Date.now() + 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdmin(adminUrl, (c) => c.query(sql));
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '55006' || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, Math.min(100 * attempt, 1000)));
    }
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  // WITH (FORCE) (Postgres 13+) ends any connection a test leaked instead of failing.
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** The databases of one run (or of every run when `runId` is omitted) that still exist. */
export async function listRunDatabases(adminUrl: string, runId?: string): Promise<string[]> {
  const { rows } = await withAdmin(adminUrl, (c) =>
    c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^rectify_(tpl|t|e2e|bbtpl)_'`),
  );
  const names = rows.map((r) => r.datname);
  return runId ? names.filter((n) => n.includes(`_${runId}`)) : names;
}

/** Drops test databases that killed runs left behind (older than six hours). Best effort. */
export async function sweepStaleDatabases(adminUrl: string): Promise<void> {
  try {
    for (const name of await listRunDatabases(adminUrl)) {
      const m = /^rectify_(?:tpl|t|e2e|bbtpl)_([0-9a-z]+)_/.exec(name);
      const created = m ? parseInt(m[1]!, 36) : NaN;
      if (Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS) {
        await dropDatabase(adminUrl, name).catch(() => undefined);
      }
    }
  } catch {
    /* a sweep never fails a run */
  }
}
