import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
/** Set by Node, Next.js or the hosting platform (VERCEL, read as next-auth reads it), or written into the build by next.config.js: never by an operator. */
const PLATFORM = new Set(['NODE_ENV', 'NEXT_RUNTIME', 'NEXT_PHASE', 'RECTIFY_ROUTE_METHODS', 'VERCEL']);

function filesUnder(p: string): string[] {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => (e.name === 'node_modules' ? [] : filesUnder(path.join(p, e.name))));
}

describe('.env.example', () => {
  it('lists every variable the server, its start-up and its database read', () => {
    const listed = new Set([...fs.readFileSync(path.join(root, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
    const sources = ['app', 'lib', 'db', 'components', 'instrumentation.ts', 'proxy.ts', 'next.config.js', 'scripts/start.mjs', 'scripts/prepare-db.ts']
      .flatMap(filesUnder)
      .filter((f) => /\.(t|j|mj)sx?$/.test(f));
    const read = new Set<string>();
    for (const f of sources) for (const m of fs.readFileSync(f, 'utf8').matchAll(/(?:process\.)?env\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]!);
    const missing = [...read].filter((v) => !PLATFORM.has(v) && !listed.has(v)).sort();
    expect(read.size).toBeGreaterThan(8);
    expect(missing, 'variables read by the code but not in .env.example').toEqual([]);
  });
});
