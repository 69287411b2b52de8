/**
 * The SIGKILL check: an import in a child process is killed while validating and while applying;
 * after each kill no domain row exists, boot recovery fails the job and clears its staging rows,
 * and a new run of the same file completes. Used by tests/integration/imports-kill.test.ts (small
 * file) and scripts/import-kill-check.ts (1M rows).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { recoverInterruptedImports } from '../../lib/imports/recover';

const CHILD = path.join(process.cwd(), 'tests', 'support', 'import-child.ts');

export interface KillRound {
  killedIn: 'validating' | 'applying';
  afterMs: number;
  domainRowsAfterKill: number;
  stagingRowsAfterRecovery: number;
  jobError: string | null;
}

export function startChild(url: string, file: string, pauseAt?: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, file, ...(pauseAt ? [pauseAt] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const seen: string[] = [];
  const waiters: { match: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  lines.on('line', (l) => {
    seen.push(l);
    for (const w of [...waiters]) if (w.match(l)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(l); }
  });
  const waitFor = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const hit = seen.find((l) => l.startsWith(prefix));
      if (hit) return resolve(hit);
      waiters.push({ match: (l) => l.startsWith(prefix), resolve });
      child.once('exit', (code) => reject(new Error(`import child exited (${code}) before "${prefix}"; output: ${seen.join(' | ')}`)));
    });
  return { child, waitFor, seen };
}

async function kill(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

export async function domainRows(handle: DatabaseHandle): Promise<number> {
  const [r] = await queryRows<{ n: string }>(handle.db, sql`SELECT
    (SELECT count(*) FROM operators) + (SELECT count(*) FROM subjects) + (SELECT count(*) FROM inspections)
    + (SELECT count(*) FROM findings) + (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_events) AS n`);
  return Number(r!.n);
}

async function stagingRows(handle: DatabaseHandle): Promise<number> {
  const [r] = await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) n FROM import_staging`);
  return Number(r!.n);
}

/** Kills one import while validating (once rows are staged) or inside the apply transaction. */
export async function killRound(handle: DatabaseHandle, url: string, file: string, killedIn: KillRound['killedIn']): Promise<KillRound> {
  const started = Date.now();
  const { child, waitFor } = startChild(url, file, killedIn === 'applying' ? 'subjects' : undefined);
  const jobId = Number((await waitFor('JOB ')).slice(4));
  if (killedIn === 'applying') {
    await waitFor('STEP subjects'); // operators and subjects are inserted, the transaction is open
  } else {
    for (;;) {
      const [j] = await queryRows<{ phase: string; processed: number }>(handle.db, sql`SELECT phase, processed_rows AS processed FROM import_jobs WHERE id = ${jobId}`);
      if (j?.phase === 'validating' && Number(j.processed) > 0) break;
      if (j && j.phase !== 'validating' && j.phase !== 'queued') throw new Error(`the job left validating (${j.phase}) before the kill: use a larger file`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  await kill(child);
  const afterMs = Date.now() - started;
  const domain = await domainRows(handle);
  // One attempt: the killed job is failed (not run again), as a single-attempt server would.
  await recoverInterruptedImports(handle, { maxAttempts: 1 });
  const [job] = await queryRows<{ error: string | null }>(handle.db, sql`SELECT error FROM import_jobs WHERE id = ${jobId}`);
  return { killedIn, afterMs, domainRowsAfterKill: domain, stagingRowsAfterRecovery: await stagingRows(handle), jobError: job?.error ?? null };
}

/** Runs the import to the end in a child process; returns its counts. */
export async function completeRun(url: string, file: string): Promise<{ counts: unknown; ms: number }> {
  const started = Date.now();
  const { waitFor } = startChild(url, file);
  const done = await waitFor('DONE ');
  return { counts: JSON.parse(done.slice(5)), ms: Date.now() - started };
}
