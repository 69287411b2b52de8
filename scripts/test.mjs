#!/usr/bin/env node
// `npm test`: every suite, on both databases.
//   0. next build            once, when the production build is older than its sources (the black-box
//                            suite and e2e both serve it; building once keeps them from racing)
//   1. vitest run            unit + integration + blackbox (the real server, tests/blackbox) on PGlite,
//      beside it            integration + blackbox again on Postgres, when TEST_DATABASE_URL is set
//   2. node scripts/e2e.mjs  Playwright against the production build, PGlite then Postgres
// The two vitest passes run at once (measured: docs/testing.md); RECTIFY_TEST_SERIAL=1 runs them one after
// the other (a loaded machine, or to read one pass's output alone). e2e stays one database after the other:
// side by side took as long in all (two browsers and two servers on 2 cores) and slowed single pages past
// their timeouts. A failed step stops the run.
// Options: --no-e2e (skip 2); any other argument is passed to both vitest runs.
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
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-test-reports-'));
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
  fs.rmSync(reportDir, { recursive: true, force: true });
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
      'vitest: unit + integration + blackbox on PGlite',
      process.execPath,
      [vitestBin, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${pgliteReport}`, ...vitestArgs],
      vitestEnv({ TEST_DATABASE_URL: undefined }),
      pgUrl && !serial ? '[pglite]' : undefined,
    );
  const postgresPass = () =>
    run(
      'vitest: integration + blackbox on Postgres',
      process.execPath,
      [vitestBin, 'run', '--project', 'integration', '--project', 'blackbox', '--reporter=default', '--reporter=json', `--outputFile.json=${postgresReport}`, ...vitestArgs],
      vitestEnv({ TEST_DATABASE_URL: pgUrl }),
      serial ? undefined : '[postgres]',
    );

  let codes;
  if (!pgUrl) {
    console.log('\n[test] TEST_DATABASE_URL is not set: skipping the Postgres pass');
    codes = [await pglitePass()];
  } else if (serial) {
    codes = [await pglitePass()];
    if (codes[0] === 0) codes.push(await postgresPass());
  } else {
    codes = await Promise.all([pglitePass(), postgresPass()]);
  }
  countVitest(pgliteReport);
  countVitest(postgresReport);
  const failedCode = codes.find((c) => c !== 0);
  if (failedCode !== undefined) return finish(failedCode);

  if (!noE2e) {
    const e2eReports = path.join(reportDir, 'e2e');
    const code = await run('e2e (Playwright)', process.execPath, [path.join(root, 'scripts', 'e2e.mjs')], {
      ...process.env,
      E2E_REPORT_DIR: e2eReports,
    });
    if (fs.existsSync(e2eReports)) {
      for (const f of fs.readdirSync(e2eReports).sort()) countPlaywright(path.join(e2eReports, f));
    }
    if (code !== 0) return finish(code);
  }
  steps.push(`all: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  finish(0);
}

main().catch((err) => {
  console.error(err);
  finish(1);
});
