#!/usr/bin/env node
// The npm registry this project is built against is a partial mirror: some platform-specific
// optional packages (darwin, win32, … builds of swc, esbuild, oxide, …) are missing from it, so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as out of
// sync. This records each missing one as an optional, os/cpu-tagged entry, which is what a lock made
// against the full registry holds; npm skips it on every other platform. Run after `npm install`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = path.join(root, 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32', 'arm'];

function platformOf(name) {
  const base = name.split('/').pop();
  const parts = base.split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c) || base.includes(`-${c}`));
  if (!os && !cpu) return null;
  const entry = {};
  if (os) entry.os = [os];
  else if (cpu === 'wasm32') entry.cpu = ['wasm32'];
  if (cpu && cpu !== 'wasm32') entry.cpu = [cpu];
  if (os === 'linux' && /musl/.test(base)) entry.libc = ['musl'];
  else if (os === 'linux' && /gnu/.test(base)) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [where, meta] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${where ? `${where}/` : ''}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    packages[`node_modules/${dep}`] = { version: spec.replace(/^[\^~=]/, ''), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`[lock] recorded ${added} platform-specific optional package(s) the mirror lacks`);
