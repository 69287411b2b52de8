#!/usr/bin/env node
// `npm start`: migrate and seed the database (scripts/prepare-db.ts: on a real Postgres it stops at once
// without NEXTAUTH_SECRET, and seeds the demo only with RECTIFY_SEED=demo), build if the build is
// missing or stale, then serve.
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { buildIsCurrent } from './build-state.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.PORT ?? '3000';
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// RECTIFY_PREPARED_COPY=1 (the black-box suite's extra servers, tests/blackbox/support/server.ts): the database is
// a byte copy of one prepare-db.ts of this checkout prepared in the same test pass, so its second start here would
// only find every migration applied, the taxonomies and the demo present and no evidence on disk (the pass's
// shared server runs it on a copy of the same database and says so). Skipped; the server still migrates the
// database on first use (db/client.ts). Unset, as for every user, nothing changes.
if (process.env.RECTIFY_PREPARED_COPY !== '1') run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/prepare-db.ts']);
if (!buildIsCurrent(root)) run(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']);
console.log(`[rectify] serving on http://localhost:${port}`);
const server = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port], {
  stdio: 'inherit',
  cwd: root,
  // Without DATABASE_URL a session secret is generated and kept under .data/; with it, NEXTAUTH_SECRET
  // is required and prepare-db.ts above already stopped without it (lib/auth/secret.ts).
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
