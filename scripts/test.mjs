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
//   the lanes share nothing but the machine (the times: docs/testing.md). Each e2e pass prepares its fresh
//   database and starts its server when the lanes start (scripts/e2e.mjs, E2E_WAIT_FOR_GO=1), and runs
//   Playwright when its lane takes it: the hand-over waits for no preparation.
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

/** Starts a step's process; with `prefix`, each output line is prefixed (two steps side by side stay readable). */
function spawnStep(command, commandArgs, env, prefix, stdin = 'ignore') {
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: [stdin, prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'] });
  if (prefix) {
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${prefix} ${line}\n`));
    }
  }
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const closed = new Promise((resolve) =>
    child.once('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, signal });
    }),
  );
  return { child, closed };
}

/** Records how a step ended (the summary at the end); its exit code, 1 when a signal ended it. */
function recordStep(label, started, { code, signal }) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push(`${label}: ${code === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s`);
  return code ?? 1;
}

/** Runs a step to its end. */
function run(label, command, commandArgs, env, prefix) {
  console.log(`\n[test] ==== ${label} ====`);
  const started = Date.now();
  return spawnStep(command, commandArgs, env, prefix).closed.then((r) => recordStep(label, started, r));
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
  /**
   * e2e on one database: its own server and port (E2E_PORT + 50 for Postgres, so two never race), started
   * now with E2E_WAIT_FOR_GO=1: scripts/e2e.mjs prepares its fresh database and starts its server beside
   * the vitest passes, and runs Playwright when `run` sends the go (the hand-over no longer waits for
   * prepare-db and the server's start: docs/testing.md). `release` ends a pass that was never run (a lane
   * failed): it stops its server and drops its database.
   */
  const startE2e = (kind, prefix) => {
    const label = `e2e (Playwright) on ${kind}`;
    const port = Number(process.env.E2E_PORT ?? 3100) + (kind === 'postgres' ? 50 : 0);
    const { child, closed } = spawnStep(
      process.execPath,
      [path.join(root, 'scripts', 'e2e.mjs')],
      { ...process.env, E2E_DATABASES: kind, E2E_PORT: String(port), E2E_REPORT_DIR: e2eReports, E2E_WAIT_FOR_GO: '1' },
      prefix,
      'pipe',
    );
    child.stdin.on('error', () => undefined); // it ended before the go (a failed preparation): its exit code says so
    let taken = false;
    return {
      run() {
        taken = true;
        console.log(`\n[test] ==== ${label} ====`);
        const started = Date.now();
        child.stdin.end('go\n');
        return closed.then((r) => recordStep(label, started, r));
      },
      release() {
        if (!taken) child.stdin.end();
        return closed;
      },
    };
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
  let e2ePasses = [];
  if (!pgUrl) {
    console.log('\n[test] TEST_DATABASE_URL is not set: skipping the Postgres passes');
    if (!noE2e) {
      console.log('\n[test] e2e on pglite: database and server prepared now, Playwright after the vitest pass');
      e2ePasses = [startE2e('pglite', '[e2e pglite]')];
    }
    codes = [await lane([pglitePass, ...e2ePasses.map((p) => () => p.run())])];
  } else if (serial) {
    const e2eStep = (kind) => () => {
      const pass = startE2e(kind);
      e2ePasses.push(pass);
      return pass.run();
    };
    codes = [await lane([pglitePass, postgresPass, ...(noE2e ? [] : [e2eStep('pglite'), e2eStep('postgres')])])];
  } else {
    // Two lanes side by side. The e2e passes wait in a queue, the longer first (PGlite: one connection,
    // ≈ 20 s more a pass, docs/testing.md); each lane takes the next one when its vitest pass has passed.
    if (!noE2e) {
      console.log('\n[test] e2e on pglite and postgres: databases and servers prepared now, Playwright when a lane takes the pass');
      e2ePasses = [startE2e('pglite', '[e2e pglite]'), startE2e('postgres', '[e2e postgres]')];
    }
    const e2eQueue = [...e2ePasses];
    const nextE2e = () => (e2eQueue.length ? e2eQueue.shift().run() : Promise.resolve(0));
    codes = await Promise.all([lane([pglitePass, nextE2e]), lane([postgresPass, nextE2e])]);
  }
  // A pass no lane took (its lane failed) stops its server and drops its database before the summary.
  await Promise.all(e2ePasses.map((p) => p.release()));
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
