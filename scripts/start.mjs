#!/usr/bin/env node
// `npm start`: migrate and seed the database, build if the build is missing or stale, then serve.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.PORT ?? '3000';
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const stamp = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = ['app', 'components', 'lib', 'db', 'messages']
    .map((d) => path.join(root, d))
    .filter((d) => fs.existsSync(d))
    .map(newestSourceMtime);
  const files = ['next.config.js', 'package-lock.json', 'proxy.ts', 'instrumentation.ts'].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs);
  return Math.max(...sources, ...files) > built;
}

run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/prepare-db.ts']);
if (buildIsStale()) run(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']);
console.log(`[rectify] serving on http://localhost:${port}`);
const server = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port], {
  stdio: 'inherit',
  cwd: root,
  // The demo (the default) may run without NEXTAUTH_SECRET: one is generated and kept under .data/.
  env: { ...process.env, NODE_ENV: 'production', ...(process.env.RECTIFY_SEED === 'none' ? {} : { RECTIFY_DEMO: '1' }) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
