#!/usr/bin/env node
// `npm test`: every suite, on both databases.
//   0. next build            once, when the production build is older than its sources (the black-box
//                            suite and e2e both serve it; building once keeps them from racing)
//   then two lanes side by side when TEST_DATABASE_URL is set, each one step at a time:
//      lane 1: vitest run (integration + blackbox on PGlite), then one e2e pass
//      lane 2: vitest run (unit, then integration + blackbox on Postgres), then the other e2e pass
//   (the unit files need no database: they run in one lane only, docs/testing.md). The lane whose
//   vitest pass ends first takes the longer e2e pass (PGlite's), the other lane the shorter one, so the
//   two lanes end as close together as the passes allow, whichever vitest pass is the shorter that run.
//   Every step runs its own database and servers (e2e: E2E_PORT, and E2E_PORT + 50 for Postgres), so
//   the lanes share nothing but the machine (the times: docs/testing.md).
// RECTIFY_TEST_SERIAL=1 runs the steps one after the other (vitest PGlite, vitest Postgres, e2e PGlite,
// e2e Postgres): a loaded machine, or to read one step's output alone. In a lane, a failed step ends
// that lane; the other lane runs to its end.
// Options: --no-e2e (vitest only); any other argument is passed to both vitest runs.
// RECTIFY_TEST_REPORT_DIR keeps the JSON reports (per-file and per-test times) in that folder.
// The last line printed is always `N passed, M failed` (tests summed over every run); CI reads it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from './build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const serial = process.env.RECTIFY_TEST_SERIAL === '1';
const vitestArgs = args.filter((a) => a !== '--no-e2e');
const keptReportDir = process.env.RECTIFY_TEST_REPORT_DIR;
const reportDir = keptReportDir ? (fs.mkdirSync(keptReportDir, { recursive: true }), keptReportDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

/** Runs a step; with `prefix`, each output line is prefixed (two steps side by side stay readable). */
function run(label, command, commandArgs, env, prefix) {
  console.log(`\n[test] ==== ${label} ====`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'] });
    if (prefix) {
      for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
        readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${prefix} ${line}\n`));
      }
    }
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      steps.push(`${label}: ${code === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s`);
      resolve(code ?? 1);
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Adds a vitest JSON report to the totals; false when there is none. */
function countVitest(file) {
  const report = readJson(file);
  if (!report) return false;
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

/** Adds a Playwright JSON report to the totals; false when there is none. */
function countPlaywright(file) {
  const report = readJson(file);
  if (!report?.stats) return false;
  totals.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  totals.failed += report.stats.unexpected ?? 0;
  totals.skipped += report.stats.skipped ?? 0;
  return true;
}

function finish(code) {
  if (!keptReportDir) fs.rmSync(reportDir, { recursive: true, force: true });
  // A failed step that left no report (a crash, a failed build) still counts as a failure.
  if (code !== 0 && totals.failed === 0) totals.failed = 1;
  console.log('\n[test] ' + steps.join('\n[test] '));
  if (totals.skipped) console.log(`[test] ${totals.skipped} skipped`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

function vitestEnv(extra) {
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

async function main() {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const started = Date.now();

  // Vitest's black-box setup and the e2e runner each build when stale; build once here so two passes
  // started side by side do not both write .next.
  if (!buildIsCurrent()) {
    const code = await run('next build (the production build is older than its sources)', process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], process.env);
    if (code !== 0) return finish(code);
  }

  const pgliteReport = path.join(reportDir, 'vitest-pglite.json');
  const postgresReport = path.join(reportDir, 'vitest-postgres.json');
  const pglitePass = () =>
    run(
      `vitest: ${pgUrl ? '' : 'unit + '}integration + blackbox on PGlite`,
      process.execPath,
      // The unit files run once: in the Postgres pass when there is one, else here.
      [vitestBin, 'run', ...(pgUrl ? [] : ['--project', 'unit']), '--project', 'integration', '--project', 'blackbox', '--reporter=default', '--reporter=json', `--outputFile.json=${pgliteReport}`, ...vitestArgs],
      vitestEnv({ TEST_DATABASE_URL: undefined }),
      pgUrl && !serial ? '[pglite]' : undefined,
    );
  const postgresPass = () =>
    run(
      'vitest: unit + integration + blackbox on Postgres',
      process.execPath,
      [vitestBin, 'run', '--project', 'unit', '--project', 'integration', '--project', 'blackbox', '--reporter=default', '--reporter=json', `--outputFile.json=${postgresReport}`, ...vitestArgs],
      vitestEnv({ TEST_DATABASE_URL: pgUrl }),
      serial ? undefined : '[postgres]',
    );

  const e2eReports = path.join(reportDir, 'e2e');
  /** e2e on one database: its own server and port (E2E_PORT + 50 for Postgres, so two never race). */
  const e2ePass = (kind, prefix) => {
    const port = Number(process.env.E2E_PORT ?? 3100) + (kind === 'postgres' ? 50 : 0);
    return run(`e2e (Playwright) on ${kind}`, process.execPath, [path.join(root, 'scripts', 'e2e.mjs')], {
      ...process.env,
      E2E_DATABASES: kind,
      E2E_PORT: String(port),
      E2E_REPORT_DIR: e2eReports,
    }, prefix);
  };
  /** Runs the steps of one lane in order, stopping at the first failure; resolves to that exit code or 0. */
  const lane = async (steps) => {
    for (const step of steps) {
      const code = await step();
      if (code !== 0) return code;
    }
    return 0;
  };

  let codes;
  if (!pgUrl) {
    console.log('\n[test] TEST_DATABASE_URL is not set: skipping the Postgres passes');
    codes = [await lane([pglitePass, ...(noE2e ? [] : [() => e2ePass('pglite')])])];
  } else if (serial) {
    codes = [await lane([pglitePass, postgresPass, ...(noE2e ? [] : [() => e2ePass('pglite'), () => e2ePass('postgres')])])];
  } else {
    // Two lanes side by side. The e2e passes wait in a queue, the longer first (PGlite: one connection,
    // ≈ 20 s more a pass, docs/testing.md); each lane takes the next one when its vitest pass has passed.
    const e2eQueue = noE2e ? [] : [() => e2ePass('pglite', '[e2e pglite]'), () => e2ePass('postgres', '[e2e postgres]')];
    const nextE2e = () => (e2eQueue.length ? e2eQueue.shift()() : Promise.resolve(0));
    codes = await Promise.all([lane([pglitePass, nextE2e]), lane([postgresPass, nextE2e])]);
  }
  countVitest(pgliteReport);
  countVitest(postgresReport);
  if (fs.existsSync(e2eReports)) {
    for (const f of fs.readdirSync(e2eReports).sort()) countPlaywright(path.join(e2eReports, f));
  }
  const failedCode = codes.find((c) => c !== 0);
  if (failedCode !== undefined) return finish(failedCode);
  steps.push(`all: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  finish(0);
}

main().catch((err) => {
  console.error(err);
  finish(1);
});
