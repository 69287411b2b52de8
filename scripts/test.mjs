#!/usr/bin/env node
// `npm test`: every suite, on both databases, failing fast.
//   1. vitest run            unit + integration + blackbox (the real server, tests/blackbox) on PGlite
//   2. vitest run --project integration --project blackbox   again on Postgres, when TEST_DATABASE_URL is set
//   3. node scripts/e2e.mjs  Playwright against a production build (PGlite, and Postgres when set)
// Options: --no-e2e (skip 3); any other argument is passed to both vitest runs.
// The last line printed is always `N passed, M failed` (tests summed over every run); CI reads it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const vitestArgs = args.filter((a) => a !== '--no-e2e');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

function run(label, command, commandArgs, env) {
  console.log(`\n[test] ==== ${label} ====`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('exit', (code, signal) => {
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

  const first = path.join(reportDir, 'vitest-pglite.json');
  let code = await run(
    'vitest: unit + integration + blackbox on PGlite',
    process.execPath,
    [vitestBin, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${first}`, ...vitestArgs],
    vitestEnv({ TEST_DATABASE_URL: undefined }),
  );
  countVitest(first);
  if (code !== 0) return finish(code);

  if (pgUrl) {
    const second = path.join(reportDir, 'vitest-postgres.json');
    code = await run(
      'vitest: integration + blackbox on Postgres',
      process.execPath,
      [vitestBin, 'run', '--project', 'integration', '--project', 'blackbox', '--reporter=default', '--reporter=json', `--outputFile.json=${second}`, ...vitestArgs],
      vitestEnv({ TEST_DATABASE_URL: pgUrl }),
    );
    countVitest(second);
    if (code !== 0) return finish(code);
  } else {
    console.log('\n[test] TEST_DATABASE_URL is not set: skipping the Postgres pass');
  }

  if (!noE2e) {
    const e2eReports = path.join(reportDir, 'e2e');
    code = await run('e2e (Playwright)', process.execPath, [path.join(root, 'scripts', 'e2e.mjs')], {
      ...process.env,
      E2E_REPORT_DIR: e2eReports,
    });
    if (fs.existsSync(e2eReports)) {
      for (const f of fs.readdirSync(e2eReports).sort()) countPlaywright(path.join(e2eReports, f));
    }
    if (code !== 0) return finish(code);
  }
  finish(0);
}

main().catch((err) => {
  console.error(err);
  finish(1);
});
