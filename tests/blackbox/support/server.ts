/**
 * The real server for the black-box suite, started the way the README does: `node scripts/start.mjs`
 * (migrate and seed with scripts/prepare-db.ts, then `next start` on the production build) on a fresh
 * embedded data folder, or on a fresh Postgres database created beside TEST_DATABASE_URL.
 * Tests talk to it only over HTTP. The build itself is made (once, when stale) by `ensureBuild`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIsCurrent, root } from '../../../scripts/build-state.mjs';

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
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([done, timeout])) === 'timeout') {
    signal('SIGKILL');
    await done;
  }
}

/**
 * Starts one production server on its own fresh database and a free port; resolves when /api/health
 * answers 200. The build must be current (`ensureBuild`): start.mjs would otherwise build it again.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const database = options.database ?? defaultDatabase();
  const label = options.label ?? 'server';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rectify-blackbox-${label}-`));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const evidenceDir = path.join(dir, 'evidence');
  const tmpDir = path.join(dir, 'tmp');
  fs.mkdirSync(tmpDir);
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: options.secret ?? crypto.randomBytes(32).toString('base64url'),
    TMPDIR: tmpDir, // its own temp folder, as on another machine
    RECTIFY_EVIDENCE_DIR: evidenceDir,
    RECTIFY_SEED: 'demo',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: undefined,
    RECTIFY_DATA_DIR: undefined,
    TEST_DATABASE_URL: undefined,
    NODE_OPTIONS: undefined, // vitest's own loader flags are not the server's
    VITEST: undefined,
    // The embedded database's admission queue (lib/server/admission.ts) refuses a request whose wait
    // would pass 6 s. The suite's own traffic (12 hostile requests in flight, on a 2-core CI machine also
    // running the Postgres pass) is not the overload it guards against: the shared server waits longer.
    // tests/blackbox/embedded-busy.test.ts sets its own limits and proves the refusal.
    RECTIFY_EMBEDDED_QUEUE_WAIT_MS: process.env.RECTIFY_EMBEDDED_QUEUE_WAIT_MS ?? '20000',
    ...options.env,
  };
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  let dropDatabase = async () => undefined as unknown;
  if (database === 'pglite') {
    dataDir = options.dataDir ?? path.join(dir, 'pglite');
    env.RECTIFY_DATA_DIR = dataDir;
  } else if (options.databaseUrl) {
    databaseUrl = options.databaseUrl;
    env.DATABASE_URL = databaseUrl;
  } else {
    if (!process.env.TEST_DATABASE_URL) throw new Error('a Postgres server needs TEST_DATABASE_URL');
    const name = `rectify_bb_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    env.DATABASE_URL = databaseUrl;
    dropDatabase = () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];

  const logFile = path.join(dir, 'server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
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
