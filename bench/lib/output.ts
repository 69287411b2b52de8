import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `bench/<relative>` as pretty JSON and says so. */
export function writeBenchJson(relative: string, value: unknown): string {
  const file = path.join(process.cwd(), 'bench', relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  console.log(`[bench] wrote ${path.relative(process.cwd(), file)}`);
  return file;
}

/** What the figures depend on: the machine and how busy it was. */
export function machineInfo() {
  return {
    cpus: os.cpus().length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
    node: process.version,
  };
}

/** A URL without its credentials, for reports. */
export const redactUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//');

/** True when `moduleUrl` (import.meta.url) is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return !!entry && path.resolve(entry) === path.resolve(new URL(moduleUrl).pathname);
}

/** The one benchmark database: every script and `npm run bench` share its generated data set. */
export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rectify_bench';
