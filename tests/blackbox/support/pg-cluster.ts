/**
 * A throwaway Postgres 15 cluster for fault tests: its own data folder and a free port, run as the
 * `postgres` user, so a test may stop and start it while servers use it. The shared cluster on 5432
 * is never touched. Needs the Debian binaries (/usr/lib/postgresql/15/bin) and root (to act as
 * `postgres`) or to be the `postgres` user; `clusterUnavailable()` says why not otherwise.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server';

const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** A new database; with `dump` (a pg_dump -Fc file, e.g. the pass's prepared database's) restored into it. */
  createDatabase(name: string, dump?: string): Promise<string>;
  /** Fast shutdown: open connections are cut (57P01), new ones refused until `start`. Does not block the event loop. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  destroy(): void;
}

function whoami(): string {
  return os.userInfo().username;
}

/** Why a throwaway cluster cannot be made here, or null when it can. */
export function clusterUnavailable(): string | null {
  if (!fs.existsSync(path.join(BIN, 'pg_ctl'))) return `no Postgres binaries in ${BIN} (apt-get install postgresql-15)`;
  if (whoami() !== 'postgres' && process.getuid?.() !== 0) return 'a throwaway cluster runs as the postgres user: run the tests as root or as postgres';
  const id = spawnSync('id', ['-u', 'postgres']);
  if (id.status !== 0) return 'there is no postgres user';
  return null;
}

/** Runs a Postgres binary as the postgres user; throws with its output when it fails. */
function asPostgres(bin: string, args: string[], timeoutMs = 60_000): string {
  const full = path.join(BIN, bin);
  const r =
    whoami() === 'postgres'
      ? spawnSync(full, args, { encoding: 'utf8', timeout: timeoutMs })
      : spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8', timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stdout}${r.stderr}${r.error ?? ''}`);
  return r.stdout;
}

/** The same, without blocking the event loop (traffic keeps flowing while the cluster stops and starts). */
function asPostgresAsync(bin: string, args: string[]): Promise<void> {
  const full = path.join(BIN, bin);
  const [cmd, argv] = whoami() === 'postgres' ? [full, args] : ['runuser', ['-u', 'postgres', '--', full, ...args]];
  return new Promise((resolve, reject) =>
    execFile(cmd, argv, { timeout: 90_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${bin} ${args.join(' ')} failed: ${err.message} ${stdout}${stderr}`)) : resolve(),
    ),
  );
}

export async function startCluster(label = 'cluster'): Promise<PgCluster> {
  const problem = clusterUnavailable();
  if (problem) throw new Error(problem);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rectify-pg-${label}-`));
  fs.chmodSync(dir, 0o755);
  if (whoami() !== 'postgres') spawnSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  const port = await freePort();
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], 120_000);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  const start = () => asPostgresAsync('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => asPostgresAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  await start();
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name, dump) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      if (dump) {
        await new Promise<void>((resolve, reject) =>
          execFile(path.join(BIN, 'pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '-d', url(name), dump], { timeout: 300_000 }, (err, stdout, stderr) =>
            err ? reject(new Error(`pg_restore of ${dump} failed: ${err.message} ${stdout}${stderr}`)) : resolve(),
          ),
        );
      }
      return url(name);
    },
    stop,
    start,
    destroy() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* not running */
      }
      if (process.env.BLACKBOX_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
