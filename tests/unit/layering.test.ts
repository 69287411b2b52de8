import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { DATABASE_LAYER, LAYERING_FILES, LAYERING_IGNORES } from '../../eslint.layering.mjs';

/**
 * Pages and components never import the database layer (issue 17): their queries live in lib/<area>/
 * and run through lib/server/read.ts. eslint.config.mjs refuses such an import in `npm run lint`; this
 * checks the very pattern it uses against the files it covers, and that the pattern catches every way
 * of reaching the database, so a rule loosened or scoped away fails here too.
 */
const layer = new RegExp(DATABASE_LAYER as string);

/** The files the rule covers: every .ts/.tsx under app/ and components/ but route handlers and action files. */
function covered(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== path.join('app', 'api')) covered(p, out);
    } else if (/\.tsx?$/.test(e.name) && !(p.startsWith('app') && /^(route|actions)\.ts$/.test(e.name))) out.push(p);
  }
  return out;
}

const specifiers = (source: string) => [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('layering: pages and components do not query the database', () => {
  it('the lint rule covers app/ and components/ but route handlers and action files', () => {
    expect(LAYERING_FILES).toEqual(['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}']);
    expect(LAYERING_IGNORES).toEqual(['app/api/**', 'app/**/route.ts', 'app/**/actions.ts']);
  });

  it('refuses every way into the database layer, and only that', () => {
    for (const s of ['@/db/client', '@/db/schema', '@/db/schema/offenders', '@/db/seed/taxonomy', '@/db/health', '../../db/schema', 'drizzle-orm', 'drizzle-orm/pg-core', 'pg', '@electric-sql/pglite']) {
      expect(layer.test(s), s).toBe(true);
    }
    for (const s of ['@/db/schema/enums', '@/lib/server/read', '@/lib/offenders/queries', 'pg-boss', 'next/navigation']) expect(layer.test(s), s).toBe(false);
  });

  it('no page, layout or component imports it', () => {
    const files = [...covered('app'), ...covered('components')];
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join('components', 'offenders', 'subject-evasion.tsx'));
    const offenders = files.flatMap((f) => specifiers(readFileSync(f, 'utf8')).filter((s) => layer.test(s)).map((s) => `${f}: ${s}`));
    expect(offenders).toEqual([]);
  });
});
