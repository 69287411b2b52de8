#!/usr/bin/env node
// `npm test`: every suite, on both databases, as steps run side by side on a few slots:
//   build                  `next build`, when the production build is older than its sources (the black-box
//                          suite and e2e serve it; building once keeps them from racing)
//   unit                   vitest, pure code
//   integration-pglite     vitest, in-process against PGlite        integration-postgres   the same on Postgres
//   blackbox-pglite        vitest, HTTP against the real server     blackbox-postgres      the same on Postgres
//   e2e-pglite             Playwright, a browser against the server e2e-postgres           the same on Postgres
//   with --checks (.ci/run): lint, and the type check once the build has written the route types.
// The Postgres steps need TEST_DATABASE_URL. Every step runs its own database and servers (e2e: E2E_PORT,
// and E2E_PORT + 50 for Postgres), so steps share nothing but the machine. RECTIFY_TEST_SLOTS (default 3)
// steps run at once: a free slot takes the heaviest step whose needs are done (the weights: quiet-machine
// seconds, docs/testing.md), so a 2-core machine stays busy while one step waits on a database, a browser
// or a server. RECTIFY_TEST_SERIAL=1 runs one step at a time (a loaded machine, or to read one step's
// output alone). A failed step does not stop the others; the steps that need it do not run.
// Options: --no-e2e, --no-blackbox, --checks; any other argument is passed to every vitest run.
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
const noBlackbox = args.includes('--no-blackbox');
const checks = args.includes('--checks');
const serial = process.env.RECTIFY_TEST_SERIAL === '1';
const vitestArgs = args.filter((a) => !['--no-e2e', '--no-blackbox', '--checks'].includes(a));
const keptReportDir = process.env.RECTIFY_TEST_REPORT_DIR;
const reportDir = keptReportDir ? (fs.mkdirSync(keptReportDir, { recursive: true }), keptReportDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const stepLog = [];

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
      stepLog.push(`${label}: ${code === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s`);
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
  console.log('\n[test] ' + stepLog.join('\n[test] '));
  if (totals.skipped) console.log(`[test] ${totals.skipped} skipped`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

function vitestEnv(extra) {
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

/**
 * The steps of a run and what each needs first. `weight` is its time in seconds on the quiet 2-core machine
 * (docs/testing.md): a free slot takes the heaviest step whose needs are done, so the long steps start first
 * and the short ones fill the gaps at the end.
 */
function plan(pgUrl) {
  const steps = [];
  const vitest = (id, label, projects, env, weight, report) =>
    steps.push({
      id,
      label,
      weight,
      needs: projects.includes('blackbox') ? ['build'] : [],
      command: process.execPath,
      args: [vitestBin, 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
      env: vitestEnv(env),
      report: { kind: 'vitest', file: report },
    });
  const report = (name) => path.join(reportDir, `vitest-${name}.json`);
  if (checks) {
    // After the build: `next build` writes the route types (.next/types) that `tsc` reads, the same ones
    // `next typegen` would; side by side, the two would write .next at once.
    steps.push({ id: 'typecheck', label: 'type check (tsc --noEmit)', weight: 45, needs: ['build'], command: process.execPath, args: [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit'], env: process.env });
    steps.push({ id: 'lint', label: 'lint (eslint .)', weight: 60, needs: [], command: process.execPath, args: [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], env: process.env });
  }
  vitest('unit', 'vitest: unit', ['unit'], { TEST_DATABASE_URL: undefined }, 25, report('unit'));
  vitest('integration-pglite', 'vitest: integration on PGlite', ['integration'], { TEST_DATABASE_URL: undefined }, 305, report('integration-pglite'));
  if (!noBlackbox) vitest('blackbox-pglite', 'vitest: blackbox on PGlite', ['blackbox'], { TEST_DATABASE_URL: undefined }, 205, report('blackbox-pglite'));
  if (pgUrl) {
    vitest('integration-postgres', 'vitest: integration on Postgres', ['integration'], { TEST_DATABASE_URL: pgUrl }, 166, report('integration-postgres'));
    if (!noBlackbox) vitest('blackbox-postgres', 'vitest: blackbox on Postgres', ['blackbox'], { TEST_DATABASE_URL: pgUrl }, 168, report('blackbox-postgres'));
  }
  if (!noE2e) {
    const e2eReports = path.join(reportDir, 'e2e');
    for (const [kind, weight] of [['pglite', 390], ...(pgUrl ? [['postgres', 345]] : [])]) {
      const port = Number(process.env.E2E_PORT ?? 3100) + (kind === 'postgres' ? 50 : 0);
      steps.push({
        id: `e2e-${kind}`,
        label: `e2e (Playwright) on ${kind}`,
        weight,
        needs: ['build'],
        command: process.execPath,
        args: [path.join(root, 'scripts', 'e2e.mjs')],
        env: { ...process.env, E2E_DATABASES: kind, E2E_PORT: String(port), E2E_REPORT_DIR: e2eReports, E2E_SKIP_BUILD: '1' },
        report: { kind: 'playwright', file: path.join(e2eReports, `playwright-${kind}.json`) },
      });
    }
  }
  // Building before anything that serves it; with --checks the type check is its own step (above).
  if (!buildIsCurrent()) {
    steps.push({
      id: 'build',
      label: 'next build (the production build is older than its sources)',
      weight: Infinity, // four steps wait for it
      needs: [],
      command: process.execPath,
      args: [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      env: { ...process.env, ...(checks ? { RECTIFY_TYPECHECKED: '1' } : {}) },
    });
  }
  const ids = new Set(steps.map((s) => s.id));
  for (const step of steps) step.needs = step.needs.filter((id) => ids.has(id));
  return steps;
}

async function main() {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const started = Date.now();
  const steps = plan(pgUrl);
  const slots = serial ? 1 : Math.max(1, Number(process.env.RECTIFY_TEST_SLOTS ?? 3));
  if (!pgUrl) console.log('\n[test] TEST_DATABASE_URL is not set: skipping the Postgres passes');
  console.log(`[test] ${steps.length} steps, ${slots} at a time: ${steps.map((s) => s.id).join(', ')}`);

  const done = new Map(); // id → exit code
  const waiting = [...steps];
  const running = new Set();
  await new Promise((resolveAll) => {
    const next = () => {
      // A step whose need failed does not run: it fails too, with the reason (and so on down the needs).
      for (let changed = true; changed; ) {
        changed = false;
        for (const step of [...waiting]) {
          const failedNeed = step.needs.find((id) => done.has(id) && done.get(id) !== 0);
          if (!failedNeed) continue;
          waiting.splice(waiting.indexOf(step), 1);
          done.set(step.id, 1);
          stepLog.push(`${step.label}: not run (${failedNeed} failed)`);
          changed = true;
        }
      }
      while (running.size < slots) {
        const ready = waiting.filter((s) => s.needs.every((id) => done.get(id) === 0)).sort((a, b) => b.weight - a.weight);
        const step = ready[0];
        if (!step) break;
        waiting.splice(waiting.indexOf(step), 1);
        running.add(step);
        run(step.label, step.command, step.args, step.env, slots > 1 ? `[${step.id}]` : undefined).then((code) => {
          running.delete(step);
          done.set(step.id, code);
          next();
        });
      }
      if (running.size === 0) resolveAll();
    };
    next();
  });

  for (const step of steps) {
    if (!step.report) continue;
    const counted = step.report.kind === 'vitest' ? countVitest(step.report.file) : countPlaywright(step.report.file);
    // A step that ran and failed without a report (a crash) counts as a failed test (finish() below).
    if (!counted && done.get(step.id) === 0) console.log(`[test] ${step.label}: no report at ${step.report.file}`);
  }
  const failed = steps.filter((s) => done.get(s.id) !== 0);
  if (failed.length) {
    if (totals.failed === 0) totals.failed = failed.length; // failed steps that left no failed test (a build, a crash)
    return finish(1);
  }
  stepLog.push(`all: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  finish(0);
}

main().catch((err) => {
  console.error(err);
  finish(1);
});
