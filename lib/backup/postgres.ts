import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => reject(new Error(`${command} could not start (${err.message}); install the PostgreSQL client tools.`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/** A full logical backup with pg_dump's custom format (compressed, restorable table by table). */
export async function backupPostgres(url: string, file: string): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);
  return fs.statSync(file).size;
}

/**
 * Restores a backup into `url`, replacing what is there, in one transaction. Triggers are disabled
 * while rows are loaded, so the audit chain is restored exactly as it was written (not re-chained).
 */
export async function restorePostgres(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--disable-triggers', '--single-transaction', `--dbname=${url}`, file]);
}
