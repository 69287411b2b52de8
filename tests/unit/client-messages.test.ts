import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES } from '@/lib/i18n/client-namespaces';
import zh from '@/messages/zh';

/**
 * Client components get only the message namespaces their route declares (lib/i18n/client-namespaces.ts,
 * issue #18): a namespace a client component reads but its route does not send would show its key in the
 * browser (and a console error) instead of the text. This reads the code the way the bundler does: from
 * every page, layout and boundary under app/ it follows the imports, and from the first `'use client'`
 * module down everything is client code; in client code it collects `useTranslations('ns…')` and every
 * call whose key is spelt `'ns.…'` or `` `ns.${…}` `` with `ns` a namespace of the catalogue.
 */

const root = path.resolve(__dirname, '../..');
const app = path.join(root, 'app');
const namespaces = new Set(Object.keys(zh));
const ROUTE_FILE = /^(page|layout|error|not-found|forbidden|unauthorized|loading|template|default|global-error)\.tsx$/;

/**
 * Client modules whose keys the scan cannot read (a key computed at run time from the root translator):
 * the namespaces they need, said by hand. A file the scan flags must be listed here.
 */
const BY_HAND: Record<string, string[]> = {
  // `t(actionLabel(…))` is the `caseAction` translator; the same file also holds a root translator named `t`.
  'components/cases/transition-panel.tsx': ['caseAction'],
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

const sources = new Map<string, string>();
const source = (f: string) => sources.get(f) ?? (sources.set(f, fs.readFileSync(f, 'utf8')), sources.get(f)!);
const importsOf = (f: string) => [...source(f).matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => resolveImport(f, m[1]!)).filter((r): r is string => !!r);
const isClientEntry = (f: string) => /^\s*(?:\/\/.*\n\s*)*['"]use client['"]/.test(source(f));

/** The modules a route file's client components are built from. */
function clientModules(entry: string): Set<string> {
  const client = new Set<string>();
  const seen = new Set<string>();
  const visit = (f: string, inClient: boolean) => {
    const c = inClient || isClientEntry(f);
    const key = `${c}:${f}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (c) client.add(f);
    for (const i of importsOf(f)) visit(i, c);
  };
  visit(entry, false);
  return client;
}

/** The namespaces a client module reads; `unreadable` when a root translator is called with a computed key. */
function namespacesOf(f: string): { used: Set<string>; unreadable: boolean } {
  const s = source(f);
  const used = new Set<string>();
  let unreadable = false;
  for (const m of s.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*(?:['"`]([\w.]+)['"`])?\s*\)/g)) {
    if (m[2]) used.add(m[2].split('.')[0]!);
    else if (new RegExp(`\\b${m[1]}(?:\\.(?:rich|markup|raw|has))?\\(\\s*(?![\\s'"\`)])`).test(s)) unreadable = true;
  }
  if (/\buseMessages\(/.test(s)) unreadable = true;
  for (const m of s.matchAll(/\(\s*['"`](\w+)\.[\w$.{}]/g)) if (namespaces.has(m[1]!)) used.add(m[1]!);
  return { used, unreadable };
}

const keys = Object.keys(CLIENT_MESSAGES).sort((a, b) => b.length - a.length);
/** The route whose ClientMessages a file under app/ renders inside: the deepest declared folder holding it. */
function routeOf(file: string): string {
  const dir = path.dirname(path.relative(app, file));
  return keys.find((k) => k === '' || dir === k || dir.startsWith(`${k}/`))!;
}

describe('client messages (issue #18)', () => {
  const routeFiles = walk(app).filter((f) => ROUTE_FILE.test(path.basename(f)));
  const required = new Map<string, Set<string>>(keys.map((k) => [k, new Set()]));
  const unreadable = new Set<string>();
  for (const file of routeFiles) {
    for (const m of clientModules(file)) {
      const { used, unreadable: u } = namespacesOf(m);
      const rel = path.relative(root, m);
      if (u && !BY_HAND[rel]) unreadable.add(rel);
      for (const n of [...used, ...(BY_HAND[rel] ?? [])]) required.get(routeOf(file))!.add(n);
    }
  }

  it('finds the client components (the scan is not blind)', () => {
    expect(routeFiles.length).toBeGreaterThan(30);
    const cases = [...required.get('(app)/cases') ?? []];
    // The case list's table reads `cases.*` through the root translator and its badges `caseState.*`.
    expect(cases).toEqual(expect.arrayContaining(['cases', 'caseState']));
  });

  it('every key a client component reads is one the scan can read (or is listed by hand)', () => {
    expect([...unreadable]).toEqual([]);
  });

  it('each route sends exactly the namespaces its client components read', () => {
    const declared = Object.fromEntries(keys.map((k) => [k, [...CLIENT_MESSAGES[k as keyof typeof CLIENT_MESSAGES]].sort()]));
    const needed = Object.fromEntries(keys.map((k) => [k, [...required.get(k)!].sort()]));
    expect(declared).toEqual(needed);
  });

  it("each declared route's layout sends them, around everything it renders", () => {
    for (const k of keys) {
      const layout = path.join(app, k, 'layout.tsx');
      expect(fs.existsSync(layout), `${k}/layout.tsx`).toBe(true);
      expect(source(layout), `${k}/layout.tsx`).toContain(`<ClientMessages route="${k}">`);
    }
  });
});
