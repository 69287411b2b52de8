/**
 * The figures of docs/decisions/0007 (files in the database): write and read throughput of a 25 MB
 * evidence file on PGlite and on Postgres, against the local disk the files lived on before, and
 * the size and time of `db:backup` with and without evidence in it.
 *
 *   npx tsx bench/file-store.ts        (Postgres: FILE_BENCH_ADMIN_URL, default the local server's `test`)
 *
 * Writes bench/results/file-store.json. Needs no data set: each database is created empty and dropped.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPglite, openPostgres, queryRows, type DatabaseHandle } from '../db/client';
import { seedTaxonomies } from '../db/seed';
import { backupPglite } from '../lib/backup/pglite';
import { backupPostgres } from '../lib/backup/postgres';
import { storeEvidence } from '../lib/evidence/store';
import { readStoredFile } from '../lib/files/store';
import { machineInfo, writeBenchJson } from './lib/output';
import { createDatabase, databaseUrl, dropDatabase } from '../tests/support/pg-admin';
import { makePng } from '../tests/support/png';

const MB = 1024 * 1024;
const SIZE = 25 * MB - 64 * 1024; // just under the evidence limit
const FILES = 3;
const ADMIN = process.env.FILE_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-file-bench-'));

const mbps = (bytes: number, ms: number) => +(bytes / MB / (ms / 1000)).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const aFile = () => Buffer.concat([makePng(1), randomBytes(SIZE)]); // incompressible, like PNG/MP4/pcap

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

/** Stores FILES evidence files of 25 MB and reads each back; the median of each direction. */
async function throughput(handle: DatabaseHandle) {
  const [user] = await queryRows<{ id: number }>(handle.db, sql`INSERT INTO users (email, name, role, password_hash) VALUES ('bench@rectify.test', 'bench', 'inspector', 'x') RETURNING id`);
  const actor = { kind: 'user' as const, id: Number(user!.id), role: 'inspector' as const, name: 'bench', email: 'bench@rectify.test' };
  const writes: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < FILES; i++) {
    const bytes = aFile();
    const [{ row }, wrote] = await timed(() => storeEvidence(handle.db, actor, { bytes, originalName: `bench-${i}.png` }));
    writes.push(wrote);
    const [size, read] = await timed(async () => {
      let n = 0;
      for await (const chunk of readStoredFile(handle.db, row.fileId!)) n += chunk.length;
      return n;
    });
    if (size !== bytes.length) throw new Error(`read ${size} bytes of ${bytes.length}`);
    reads.push(read);
  }
  const bytes = SIZE + makePng(1).length;
  return { fileMB: +(bytes / MB).toFixed(1), writeMs: Math.round(median(writes)), writeMBps: mbps(bytes, median(writes)), readMs: Math.round(median(reads)), readMBps: mbps(bytes, median(reads)) };
}

async function onPglite() {
  const dir = path.join(tmp, 'pglite');
  const backup = async (name: string) => {
    const [size, ms] = await timed(() => backupPglite(dir, path.join(tmp, `${name}.tar.gz`)));
    return { bytes: size, ms: Math.round(ms) };
  };
  let handle = await openPglite(dir);
  await migrateDatabase(handle);
  await seedTaxonomies(handle.db);
  await handle.close();
  const empty = await backup('pglite-empty');
  handle = await openPglite(dir);
  const speed = await throughput(handle);
  await handle.close();
  const full = await backup('pglite-full');
  return { ...speed, backupWithoutEvidence: empty, backupWithEvidence: full };
}

async function onPostgres() {
  const name = `copies_filebench_${process.pid}`;
  await createDatabase(ADMIN, name);
  const url = databaseUrl(ADMIN, name);
  const backup = async (label: string) => {
    const [size, ms] = await timed(() => backupPostgres(url, path.join(tmp, `${label}.dump`)));
    return { bytes: size, ms: Math.round(ms) };
  };
  try {
    const handle = await openPostgres(url, { max: 2 });
    await migrateDatabase(handle);
    await seedTaxonomies(handle.db);
    const empty = await backup('pg-empty');
    const speed = await throughput(handle);
    const [table] = await queryRows<{ bytes: string }>(handle.db, sql`SELECT pg_total_relation_size('stored_file_chunks')::text AS bytes`);
    await handle.close();
    const full = await backup('pg-full');
    return { ...speed, tableBytes: Number(table!.bytes), backupWithoutEvidence: empty, backupWithEvidence: full };
  } finally {
    await dropDatabase(ADMIN, name);
  }
}

/** The old store: one server's disk (write + fsync, read back). */
async function onDisk() {
  const writes: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < FILES; i++) {
    const bytes = aFile();
    const file = path.join(tmp, `disk-${i}`);
    writes.push((await timed(async () => {
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }))[1]);
    reads.push((await timed(async () => fs.promises.readFile(file)))[1]);
  }
  const bytes = SIZE + makePng(1).length;
  return { writeMs: Math.round(median(writes)), writeMBps: mbps(bytes, median(writes)), readMs: Math.round(median(reads)), readMBps: mbps(bytes, median(reads)) };
}

async function main() {
  const machine = machineInfo();
  const disk = await onDisk();
  console.log('[bench] local disk', disk);
  const postgres = await onPostgres();
  console.log('[bench] postgres', postgres);
  const pglite = await onPglite();
  console.log('[bench] pglite', pglite);
  writeBenchJson('results/file-store.json', { at: new Date().toISOString(), machine, filesPerRun: FILES, disk, postgres, pglite });
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
