#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, installing one when there is none.
//   node scripts/find-browser.mjs            find (installing if needed), print the path on stdout
//   node scripts/find-browser.mjs --no-install   find only; exit 1 when there is none
// Order: $CHROMIUM_PATH, the system's chromium / chromium-browser / google-chrome, Playwright's own
// download; else (as root on Debian) apt-get install chromium fonts-noto-cjk, else `playwright install`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

const log = (msg) => process.stderr.write(`[find-browser] ${msg}\n`);

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function playwrightDownloadedChromium() {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const { chromium } = require('playwright-core');
    const file = chromium.executablePath();
    return file && isExecutable(file) ? file : null;
  } catch {
    return null;
  }
}

/** The path of a usable Chromium, or null. Never installs anything. */
export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    log(`CHROMIUM_PATH=${fromEnv} is not an executable file; looking elsewhere`);
  }
  for (const file of SYSTEM_CANDIDATES) if (isExecutable(file)) return { path: file, source: 'system' };
  const downloaded = playwrightDownloadedChromium();
  return downloaded ? { path: downloaded, source: 'playwright' } : null;
}

function install() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    log('no Chromium found: installing Debian\'s chromium and fonts-noto-cjk with apt-get (quietly)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const opts = { stdio: ['ignore', 'ignore', 'inherit'], env };
    const update = spawnSync('apt-get', ['-qq', 'update'], opts);
    if (update.status !== 0) log('apt-get update failed; trying the install anyway');
    const r = spawnSync('apt-get', ['-qq', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], opts);
    if (r.status === 0) return;
    log(`apt-get install failed (exit ${r.status})`);
  }
  log('trying `npx playwright install chromium`…');
  spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Like findBrowser(), but installs a Chromium when none is found. Throws when that fails too. */
export function ensureBrowser() {
  let found = findBrowser();
  if (!found) {
    install();
    found = findBrowser();
  }
  if (!found) {
    throw new Error(
      'No Chromium found and none could be installed. Install one (apt-get install chromium, or ' +
        '`npx playwright install chromium`) or set CHROMIUM_PATH to its executable.',
    );
  }
  log(`using ${found.path} (${found.source})`);
  return found.path;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--no-install')) {
      const found = findBrowser();
      if (!found) process.exit(1);
      process.stdout.write(`${found.path}\n`);
    } else {
      process.stdout.write(`${ensureBrowser()}\n`);
    }
  } catch (err) {
    log(err.message);
    process.exit(1);
  }
}
