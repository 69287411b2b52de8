/**
 * The real server for the black-box suite, started the way the README does: `node scripts/start.mjs`
 * (migrate and seed with scripts/prepare-db.ts, then `next start` on the production build) on an
 * embedded data folder, or on a Postgres database created beside TEST_DATABASE_URL.
 * Tests talk to it only over HTTP. The build itself is made (once, when stale) by `ensureBuild`.
 *
 * The database: the global setup prepares one per pass (`prepareDatabase`: scripts/prepare-db.ts run
 * once, as start.mjs runs it, on a new data folder or a new Postgres database: every migration and the
 * demo seed from nothing), and each server starts on a copy of it (the folder copied; `CREATE DATABASE
 * … TEMPLATE`). start.mjs still runs prepare-db on the copy first: the second start of a prepared
 * database, which finds every migration applied and the demo present. A server whose point is a
 * database made from nothing asks for it (`fresh`, with the reason).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIsCurrent, root } from '../../../scripts/build-state.mjs';
import { createDatabase, databaseUrl as withDatabase, dropDatabase as dropPgDatabase, newRunId, quoteIdent, withAdmin as withAdminAt } from '../../support/pg-admin';

export type DatabaseKind = 'pglite' | 'postgres';

export interface ServerOptions {
  /** Extra environment for the server (e.g. `{ RECTIFY_IMPORT_MAX_BYTES: '1000' }`). */
  env?: Record<string, string>;
  /** Which database; default: Postgres when TEST_DATABASE_URL is set, else PGlite. */
  database?: DatabaseKind;
  /** A name to recognise the server by in logs and temp folders. */
  label?: string;
  /** Use this Postgres database as it is (another copy's, a throwaway cluster's): neither created nor dropped. */
  databaseUrl?: string;
  /** Use this embedded data folder as it is (e.g. again after a kill): not removed at the end. */
  dataDir?: string;
  /** The session secret; default a random one. Copies that share sessions share it. */
  secret?: string;
  /**
   * Why this server must migrate and seed a database of its own from nothing (what a fresh clone's
   * first `npm start` does) instead of starting on a copy of the pass's prepared database. Unset: a copy.
   * Ignored with `databaseUrl` or an existing `dataDir`, which are used as they are.
   */
  fresh?: string;
  /**
   * Run prepare-db's second start on a copy too (start.mjs as a user runs it). The shared server does, once
   * per pass; the other copies skip it (`RECTIFY_PREPARED_COPY=1`, scripts/start.mjs): on a byte copy of
   * the prepared database it only finds what the shared server's start already found (≈ 8 s of CPU a
   * PGlite server, docs/testing.md). A restart on an existing folder or a database given as it is always runs it.
   */
  secondStart?: boolean;
}

/** The migrated, demo-seeded database of a pass, which every server starts from (`setPreparedDatabase`). */
export interface PreparedDatabase {
  database: DatabaseKind;
  /** PGlite: the prepared data folder, copied for each server (never opened by one). */
  dataDir?: string;
  /** Postgres: the template database (connections disallowed), copied with CREATE DATABASE … TEMPLATE. */
  template?: string;
  /** Postgres: a pg_dump -Fc of it, for databases in another cluster (support/pg-cluster.ts), when pg_dump is there. */
  dump?: string;
  /** When the demo was seeded (its dates are relative to that day). */
  preparedAt: string;
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  database: DatabaseKind;
  /** Where the server's stdout and stderr go. */
  logFile: string;
  /** The evidence store of this server (RECTIFY_EVIDENCE_DIR). */
  evidenceDir: string;
  /** The Postgres database URL (postgres) or the data folder (pglite) the server uses. */
  databaseUrl?: string;
  dataDir?: string;
  /** The server's own folder: log, evidence, TMPDIR. */
  dir: string;
  /** SIGTERM, then SIGKILL; drops what it created. */
  stop(): Promise<void>;
  /** `kill -9` of the whole server (start.mjs and next start) at once; keeps its database and folder. */
  kill(): Promise<void>;
}

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export function defaultDatabase(): DatabaseKind {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

/** Builds the production server when .next is missing or older than its sources (what `npm start` would do). */
export function ensureBuild(): void {
  if (buildIsCurrent(root)) return;
  console.log('[blackbox] the production build is missing or stale: next build …');
  const started = Date.now();
  const r = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  console.log(`[blackbox] built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitForHealth(baseUrl: string, exited: () => string | null, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone) throw new Error(`the server exited (${gone}) before answering /api/health\n${tail(logFile)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = ((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message) || 'error';
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})\n${tail(logFile)}`);
}

/** The last lines of a server log, for failure messages. */
export function tail(file: string, lines = 40): string {
  if (!fs.existsSync(file)) return '';
  return `--- last lines of ${file} ---\n${fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')}`;
}

/** Kills a detached process group: SIGTERM, then SIGKILL after 10 s. */
async function stopGroup(child: ChildProcess, done: Promise<unknown>): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([done, timeout])) === 'timeout') {
    signal('SIGKILL');
    await done;
  }
}

/** The environment of start.mjs / prepare-db.ts in folder `dir`: its own TMPDIR and evidence, the demo, no database chosen yet. */
function baseEnv(dir: string, secret: string): Record<string, string | undefined> {
  const tmpDir = path.join(dir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  return {
    ...process.env,
    NEXTAUTH_SECRET: secret,
    TMPDIR: tmpDir, // its own temp folder, as on another machine
    RECTIFY_EVIDENCE_DIR: path.join(dir, 'evidence'),
    RECTIFY_SEED: 'demo',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: undefined,
    RECTIFY_DATA_DIR: undefined,
    TEST_DATABASE_URL: undefined,
    RECTIFY_PREPARED_COPY: undefined, // startServer sets it for the copies it makes
    NODE_OPTIONS: undefined, // vitest's own loader flags are not the server's
    VITEST: undefined,
  };
}

const definedOnly = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;

let prepared: PreparedDatabase | undefined;

/** The prepared database later `startServer` calls copy (the global setup's, handed to each file by setup-file.ts). */
export function setPreparedDatabase(p: PreparedDatabase | undefined): void {
  prepared = p;
}

/** The prepared database as a pg_dump file, for a throwaway cluster's database (`cluster.createDatabase(name, preparedDump())`). */
export function preparedDump(): string | undefined {
  return prepared?.dump;
}

/**
 * Prepares the pass's database the way start.mjs does before `next start`: scripts/prepare-db.ts
 * (every migration, the taxonomies, the demo seed) on a new PGlite data folder, or on a new Postgres
 * database `rectify_bbtpl_<run>` beside TEST_DATABASE_URL whose connections are then disallowed (a
 * template: CREATE DATABASE … TEMPLATE refuses a source anyone is connected to). `drop` removes it.
 */
export async function prepareDatabase(database: DatabaseKind = defaultDatabase()): Promise<{ prepared: PreparedDatabase; drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-blackbox-prepared-'));
  const env = baseEnv(dir, crypto.randomBytes(32).toString('base64url'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  let template: string | undefined;
  let dataDir: string | undefined;
  let dump: string | undefined;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (database === 'pglite') {
    dataDir = path.join(dir, 'pglite');
    env.RECTIFY_DATA_DIR = dataDir;
  } else {
    if (!adminUrl) throw new Error('a Postgres template needs TEST_DATABASE_URL');
    template = `rectify_bbtpl_${newRunId()}`;
    await createDatabase(adminUrl, template);
    env.DATABASE_URL = withDatabase(adminUrl, template);
  }
  const drop = async () => {
    if (template) await dropPgDatabase(adminUrl!, template);
    removeDir();
  };
  const logFile = path.join(dir, 'prepare.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/prepare-db.ts'], {
    cwd: root,
    env: definedOnly(env),
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const code = await new Promise<number | string>((resolve) => child.once('exit', (c, sig) => resolve(sig ?? c ?? 1)));
  try {
    if (code !== 0) throw new Error(`scripts/prepare-db.ts failed (${code})\n${tail(logFile)}`);
    // prepare-db held the folder under db/lock.ts's lock: a file *beside* the folder (`pglite.lock`), so a
    // copy of the folder never carries it; prepare-db removes it on exit, and PGlite leaves no pid file inside.
    if (dataDir && (fs.existsSync(`${dataDir}.lock`) || fs.existsSync(path.join(dataDir, 'postmaster.pid')))) {
      throw new Error(`the prepared data folder ${dataDir} is still locked after prepare-db exited`);
    }
    if (template) {
      // The throwaway clusters of two-copies and postgres-restart cannot copy a template of this one: they restore this.
      const pgDump = path.join(process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin', 'pg_dump');
      if (fs.existsSync(pgDump)) {
        const r = spawnSync(pgDump, ['-Fc', '--no-owner', '--no-privileges', '-f', path.join(dir, 'prepared.dump'), env.DATABASE_URL!], { encoding: 'utf8' });
        if (r.status === 0) dump = path.join(dir, 'prepared.dump');
        else console.warn(`[blackbox] pg_dump of the prepared database failed (the clusters will seed their own): ${r.stderr}`);
      }
      await withAdminAt(adminUrl!, (c) => c.query(`ALTER DATABASE ${quoteIdent(template!)} ALLOW_CONNECTIONS false`));
    }
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
  return { prepared: { database, dataDir, template, dump, preparedAt: new Date().toISOString() }, drop };
}

/**
 * Starts one production server on its own database and a free port; resolves when /api/health
 * answers 200. The database is a copy of the prepared one (`setPreparedDatabase`), or with `fresh` (or
 * when none is prepared, or it is of the other kind) a new one migrated and seeded from nothing by
 * start.mjs. The build must be current (`ensureBuild`): start.mjs would otherwise build it again.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const database = options.database ?? defaultDatabase();
  const label = options.label ?? 'server';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rectify-blackbox-${label}-`));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const evidenceDir = path.join(dir, 'evidence');
  const from = options.fresh === undefined && prepared?.database === database ? prepared : undefined;
  const env: Record<string, string | undefined> = {
    ...baseEnv(dir, options.secret ?? crypto.randomBytes(32).toString('base64url')),
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    // The embedded database's admission queue (lib/server/admission.ts) refuses a request whose wait
    // would pass 6 s. The suite's own traffic (12 hostile requests in flight, on a 2-core CI machine also
    // running the Postgres pass) is not the overload it guards against: the shared server waits longer.
    // tests/blackbox/embedded-busy.test.ts sets its own limits and proves the refusal.
    RECTIFY_EMBEDDED_QUEUE_WAIT_MS: process.env.RECTIFY_EMBEDDED_QUEUE_WAIT_MS ?? '20000',
    ...options.env,
  };
  const demoOnly = () => {
    if (env.RECTIFY_SEED !== 'demo') throw new Error(`${label}: the prepared database holds the demo; a server without it needs \`fresh\``);
  };
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  let dropDatabase = async () => undefined as unknown;
  const copy = from ? `a copy of the database prepared at ${from.preparedAt}` : `a database made from nothing${options.fresh ? ` (fresh: ${options.fresh})` : ''}`;
  let origin = copy;
  let copied = false; // a new copy of the prepared database was made for this server
  if (database === 'pglite') {
    dataDir = options.dataDir ?? path.join(dir, 'pglite');
    // A folder that exists is used as it is (a restart on it); a new one starts as a copy of the prepared folder.
    if (fs.existsSync(dataDir)) origin = `the data folder ${dataDir} as it is`;
    else if (from?.dataDir) {
      demoOnly();
      fs.cpSync(from.dataDir, dataDir, { recursive: true });
      copied = true;
    }
    env.RECTIFY_DATA_DIR = dataDir;
  } else if (options.databaseUrl) {
    databaseUrl = options.databaseUrl;
    env.DATABASE_URL = databaseUrl;
    origin = 'the database it was given, as it is';
  } else {
    if (!process.env.TEST_DATABASE_URL) throw new Error('a Postgres server needs TEST_DATABASE_URL');
    const name = `rectify_bb_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
    if (from) demoOnly();
    await createDatabase(process.env.TEST_DATABASE_URL, name, from?.template);
    copied = Boolean(from?.template);
    databaseUrl = withDatabase(process.env.TEST_DATABASE_URL, name);
    env.DATABASE_URL = databaseUrl;
    dropDatabase = () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }

  if (copied && !options.secondStart) {
    env.RECTIFY_PREPARED_COPY = '1';
    origin += ' (prepare-db\'s second start skipped: RECTIFY_PREPARED_COPY=1)';
  }
  const logFile = path.join(dir, 'server.log');
  const out = fs.openSync(logFile, 'w');
  fs.writeSync(out, `[blackbox] ${label}: ${origin}\n`);
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: definedOnly(env),
    stdio: ['ignore', out, out],
    detached: true, // its own process group: stopping it stops next start too
  });
  fs.closeSync(out);
  let exitedWith: string | null = null;
  const done = new Promise<void>((resolve) =>
    child.once('exit', (code, sig) => {
      exitedWith = sig ?? `code ${code}`;
      resolve();
    }),
  );
  const kill = async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await done;
    // The whole group, not only start.mjs: next start's server may take a moment longer to go.
    for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        break;
      }
    }
  };
  const stop = async () => {
    await stopGroup(child, done);
    await dropDatabase().catch((err) => console.error(`[blackbox] dropping ${databaseUrl}: ${(err as Error).message}`));
    if (process.env.BLACKBOX_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, () => exitedWith, logFile, 300_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, port, database, logFile, evidenceDir, databaseUrl, dataDir, dir, stop, kill };
}
