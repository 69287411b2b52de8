#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, installing one when there is none.
//   node scripts/find-browser.mjs            find (installing if needed), print the path on stdout
//   node scripts/find-browser.mjs --no-install   find only; exit 1 when there is none
// Order: $CHROMIUM_PATH, Debian's chromium-headless-shell, the system's chromium / chromium-browser /
// google-chrome, Playwright's own download; else (as root on Debian) apt-get install
// chromium-headless-shell fonts-noto-cjk, else `playwright install`.
//
// The headless shell first: it is the same Blink as the full browser, without the browser's own UI,
// and it is what Playwright itself runs headless tests in. Debian's full chromium in `--headless` mode
// is the whole browser: for every browser context (every test) it started a "top-chrome" WebUI
// renderer besides the page's, and its browser process did the work of a window. A whole e2e pass on
// PGlite, the two side by side: Chromium 273.9 s of CPU with the full browser, 165.3 s with the
// headless shell, the whole pass 388.2 s -> 278.7 s (docs/testing.md). When only the full browser is
// there and we run as root on Debian, the shell is installed once (apt-get); if that fails, the full
// browser is used.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Headless-only builds of Chromium (Debian's package chromium-headless-shell). */
const HEADLESS_SHELLS = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];
const SYSTEM_CANDIDATES = [
  ...HEADLESS_SHELLS,
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

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** apt-get install, quietly; runs `apt-get update` first only when the package is not known yet. True when it installed. */
function aptInstall(packages) {
  if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) return false;
  log(`installing Debian's ${packages.join(' ')} with apt-get (quietly)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { stdio: ['ignore', 'ignore', 'inherit'], env };
  // Two e2e runs started together wait for each other's dpkg lock instead of failing on it.
  const install = () => spawnSync('apt-get', ['-qq', '-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', ...packages], opts).status === 0;
  if (install()) return true;
  if (spawnSync('apt-get', ['-qq', 'update'], opts).status !== 0) log('apt-get update failed; trying the install anyway');
  if (install()) return true;
  log(`apt-get install ${packages.join(' ')} failed`);
  return false;
}

function install() {
  if (aptInstall(['chromium-headless-shell', 'fonts-noto-cjk'])) return;
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
  } else if (found.source === 'system' && !HEADLESS_SHELLS.includes(found.path) && aptInstall(['chromium-headless-shell'])) {
    found = findBrowser(); // the full browser was found: the headless shell beside it costs the suite far less CPU
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
