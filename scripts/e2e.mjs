#!/usr/bin/env node
// `npm run test:e2e`: the Playwright suite (e2e/) against a production build, once per database:
// PGlite always (a fresh temporary data folder), and Postgres too when TEST_DATABASE_URL is set
// (a fresh database rectify_e2e_<run> next to it, dropped afterwards).
// For each: prepare the database (scripts/prepare-db.ts: migrate + demo seed, RECTIFY_SEED=demo), `next start`, wait for
// /api/health, `playwright test`, stop the server. Extra arguments go to `playwright test`.
// Environment: E2E_SKIP_BUILD=1 (reuse .next when it exists), E2E_PORT (default 3100),
// E2E_DATABASES=pglite,postgres (restrict), E2E_REPORT_DIR (also write Playwright JSON reports there),
// E2E_SERVER_LOG=1 (stream the server's output instead of keeping it in test-results/),
// E2E_DATABASES_AT_ONCE=1 (both databases' runs side by side, each with its own server and port),
// E2E_WORKERS (Playwright workers per database; playwright.config.ts), E2E_TRACE (a Playwright trace mode,
// e.g. retain-on-failure: off by default), E2E_SCREENSHOTS (1: the specs' screenshots into docs/screenshots,
// test-results: into test-results/screenshots; none by default: e2e/fixtures.ts), E2E_WAIT_FOR_GO=1
// (scripts/test.mjs: prepare the database and start the server now, then run Playwright only once a line
// arrives on stdin; stdin closed without one stops the server, drops the database and exits 1 without
// Playwright). Each step's time is logged.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from './find-browser.mjs';
import { buildIsCurrent as isCurrent } from './build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const bin = {
  next: path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'),
  tsx: path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  playwright: path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
};
const log = (msg) => console.log(`[e2e] ${msg}`);
const seconds = (since) => Math.round((Date.now() - since) / 1000);
const playwrightArgs = process.argv.slice(2);

// ---------------------------------------------------------------- build

function buildIsCurrent() {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return true;
  return isCurrent(root);
}

function build() {
  if (buildIsCurrent()) {
    log('the production build in .next is newer than the sources: not rebuilding');
    return;
  }
  log('next build …');
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin.next, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) {
    console.error('[e2e] next build failed');
    process.exit(r.status ?? 1);
  }
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

// ---------------------------------------------------------------- databases

async function withAdmin(adminUrl, fn) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseUrl(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Returns { env, cleanup } for one database run. */
async function prepareEnvironment(kind) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.RECTIFY_DATA_DIR;
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-e2e-'));
    env.RECTIFY_DATA_DIR = path.join(dir, 'pglite');
    // The embedded database's admission queue refuses a request whose wait would pass 6 s: on a loaded
    // 2-core machine the suite's own pages (two browsers, an import job behind them) met that as a 503
    // page. The suite is not the overload it guards against; wait as long as the black-box server does
    // (tests/blackbox/support/server.ts; tests/blackbox/embedded-busy.test.ts proves the refusal).
    env.RECTIFY_EMBEDDED_QUEUE_WAIT_MS ??= '20000';
    return { env, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  const name = `rectify_e2e_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  env.DATABASE_URL = databaseUrl(adminUrl, name);
  log(`created Postgres database ${name}`);
  return {
    env,
    cleanup: async () => {
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      log(`dropped Postgres database ${name}`);
    },
  };
}

async function prepareDatabase(env, kind) {
  const script = path.join(root, 'scripts', 'prepare-db.ts');
  if (!fs.existsSync(script)) {
    console.warn('[e2e] WARNING: scripts/prepare-db.ts does not exist yet: the database is neither migrated nor seeded by this script');
    return true;
  }
  log(`${kind}: preparing the database (scripts/prepare-db.ts) …`);
  const started = Date.now();
  // Not spawnSync: with E2E_DATABASES_AT_ONCE=1 the other database's run goes on meanwhile.
  const status = await new Promise((resolve) => {
    const child = spawn(process.execPath, [bin.tsx, script], { cwd: root, stdio: 'inherit', env });
    child.once('exit', (code) => resolve(code));
  });
  if (status !== 0) console.error(`[e2e] ${kind}: scripts/prepare-db.ts failed (exit ${status})`);
  else log(`${kind}: database prepared in ${seconds(started)} s`);
  return status === 0;
}

// ---------------------------------------------------------------- server

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const claimedPorts = new Set();
let choosing = Promise.resolve();

/** A free port from E2E_PORT up, not already given to another run of this script (one choice at a time). */
function choosePort() {
  const choice = choosing.then(async () => {
    const wanted = Number(process.env.E2E_PORT ?? 3100);
    for (let port = wanted; port < wanted + 100; port++) {
      if (!claimedPorts.has(port) && (await portIsFree(port))) {
        if (port !== wanted) log(`port ${wanted} is busy or taken: using ${port}`);
        claimedPorts.add(port);
        return port;
      }
    }
    throw new Error(`no free port from ${wanted}`);
  });
  choosing = choice.catch(() => undefined);
  return choice;
}

const running = new Set(); // { child, done } of every server this script started and has not stopped
const pendingCleanups = new Set(); // removal of each run's temporary database, until it has run
const playwrights = new Set(); // the Playwright runs going on (a signal to this script reaches them too)

function startServer(env, port, logFile) {
  const streamLog = process.env.E2E_SERVER_LOG === '1';
  const out = streamLog ? 'inherit' : fs.openSync(logFile, 'w');
  // Idle connections are kept 2 minutes (Node's default is 5 s): Playwright's API client reuses a pooled
  // connection without retrying, so a request sent as the server closes that idle connection failed with
  // ECONNRESET (a browser retries it; the suite's API calls did not).
  const child = spawn(process.execPath, [bin.next, 'start', '-p', String(port), '-H', '127.0.0.1', '--keepAliveTimeout', '120000'], {
    cwd: root,
    env: { ...env, NODE_ENV: 'production', PORT: String(port) },
    stdio: ['ignore', out, out],
    detached: true, // its own process group, so stopping it stops everything it started
  });
  if (typeof out === 'number') fs.closeSync(out);
  const done = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const server = { child, done };
  running.add(server);
  return server;
}

async function stopServer(server) {
  if (!running.has(server)) return;
  running.delete(server);
  const { child, done } = server;
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  signalGroup('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([done, timeout])) === 'timeout') {
    signalGroup('SIGKILL');
    await done;
  }
}

async function waitForHealth(baseUrl, server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  server.done.then((r) => (exited = r));
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited (${exited.signal ?? `code ${exited.code}`}) before answering /api/health`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

function printTail(file, lines = 60) {
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  console.error(`[e2e] --- last lines of ${path.relative(root, file)} ---\n${text}\n[e2e] ---`);
}

// ---------------------------------------------------------------- the go (E2E_WAIT_FOR_GO=1)

/**
 * Resolves when a line arrives on stdin, rejects when stdin ends first (the caller no longer wants the run,
 * or is gone). Read from the start, so the answer is there whenever a run asks for it.
 */
const go =
  process.env.E2E_WAIT_FOR_GO === '1'
    ? new Promise((resolve, reject) => {
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', (chunk) => {
          if (!chunk.includes('\n')) return;
          process.stdin.destroy(); // nothing more to read: let the process end when its runs do
          resolve();
        });
        process.stdin.once('end', () => reject(new Error('stdin closed before the go: Playwright not run')));
      })
    : Promise.resolve();
go.catch(() => undefined); // awaited (and reported) by the run that needs it

// ---------------------------------------------------------------- one run per database

async function runFor(kind, chromiumPath) {
  log(`==== ${kind} ====`);
  const resultsDir = path.join(root, 'test-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, `e2e-server-${kind}.log`);
  let cleanup = async () => undefined;
  let server;
  try {
    const prepared = await prepareEnvironment(kind);
    cleanup = prepared.cleanup;
    pendingCleanups.add(cleanup);
    // The suite signs in with the demo accounts: seeded on Postgres only when asked (DESIGN §10).
    // A real Postgres also needs a session secret before anything is written; a throw-away one per
    // run also keeps the PGlite run from writing .data/auth-secret in the working tree.
    prepared.env.RECTIFY_SEED = 'demo';
    prepared.env.NEXTAUTH_SECRET ??= crypto.randomBytes(32).toString('base64url');
    if (!(await prepareDatabase(prepared.env, kind))) return false;

    const port = await choosePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    prepared.env.NEXTAUTH_URL = baseUrl;
    log(`${kind}: next start on ${baseUrl} (server log: ${path.relative(root, logFile)})`);
    const serverStarted = Date.now();
    server = startServer(prepared.env, port, logFile);
    try {
      await waitForHealth(baseUrl, server);
      log(`${kind}: server answered /api/health after ${seconds(serverStarted)} s`);
    } catch (err) {
      console.error(`[e2e] ${err.message}`);
      printTail(logFile);
      return false;
    }
    if (process.env.E2E_WAIT_FOR_GO === '1') {
      log(`${kind}: server is up; waiting for the go on stdin`);
      const waiting = Date.now();
      try {
        await go;
      } catch (err) {
        console.error(`[e2e] ${kind}: ${err.message}`);
        return false;
      }
      log(`${kind}: go after ${seconds(waiting)} s ready; running Playwright`);
    } else log(`${kind}: server is up; running Playwright`);

    const env = { ...prepared.env, E2E_DATABASE: kind, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromiumPath };
    const args = [bin.playwright, 'test'];
    const reportDir = process.env.E2E_REPORT_DIR;
    if (reportDir && !playwrightArgs.some((a) => a.startsWith('--reporter'))) {
      fs.mkdirSync(reportDir, { recursive: true });
      env.PLAYWRIGHT_JSON_OUTPUT_NAME = path.join(reportDir, `playwright-${kind}.json`);
      args.push('--reporter=list,json');
    }
    args.push(...playwrightArgs);
    const playwrightStarted = Date.now();
    const r = await new Promise((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
      playwrights.add(child);
      child.once('exit', (code, signal) => {
        playwrights.delete(child);
        resolve({ code, signal });
      });
    });
    log(`Playwright on ${kind} took ${seconds(playwrightStarted)} s`);
    if (r.code !== 0) {
      console.error(`[e2e] Playwright failed on ${kind} (${r.signal ?? `exit ${r.code}`})`);
      if (process.env.E2E_SERVER_LOG !== '1') printTail(logFile, 30);
    }
    return r.code === 0;
  } catch (err) {
    console.error(`[e2e] ${kind}: ${err.stack ?? err}`);
    return false;
  } finally {
    if (server) await stopServer(server);
    pendingCleanups.delete(cleanup);
    await cleanup().catch((err) => console.error(`[e2e] cleanup of ${kind} failed: ${err.message}`));
  }
}

async function main() {
  let chromiumPath;
  try {
    chromiumPath = ensureBrowser();
  } catch (err) {
    console.error(`[e2e] ${err.message}`);
    process.exit(1);
  }
  build();

  let kinds = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
  if (process.env.E2E_DATABASES) {
    const only = process.env.E2E_DATABASES.split(',').map((s) => s.trim());
    kinds = kinds.filter((k) => only.includes(k));
  }
  const failed = [];
  if (process.env.E2E_DATABASES_AT_ONCE === '1') {
    // Both databases' servers at once, each on its own port with its own Playwright run.
    const passed = await Promise.all(kinds.map((kind) => runFor(kind, chromiumPath)));
    kinds.forEach((kind, i) => passed[i] || failed.push(kind));
  } else {
    for (const kind of kinds) if (!(await runFor(kind, chromiumPath))) failed.push(kind);
  }
  if (failed.length) {
    console.error(`[e2e] FAILED on: ${failed.join(', ')}`);
    process.exit(1);
  }
  log(`passed on: ${kinds.join(', ')}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // A second signal (a terminal's Ctrl-C reaches this process and scripts/test.mjs forwards it too)
    // must not end the process before the cleanup below is done.
    if (stopping) return;
    stopping = true;
    for (const child of playwrights) child.kill(signal);
    // Stop the servers, then drop the temporary databases (an interrupted run leaves none behind).
    void Promise.all([...running].map(stopServer))
      .then(() => Promise.all([...pendingCleanups].map((c) => c().catch(() => undefined))))
      .finally(() => process.exit(130));
  });
}

await main();
