/**
 * The fuzzer's plumbing: the route handler of a matrix row, the credential allowed to call it,
 * one request, and the checks every answer must pass (no 5xx, the DESIGN §6 error shape, no
 * half-written rows).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '../../../db/client';
import type { Row, Who } from '../../../e2e/authz/matrix';
import { callRoute, type CallResult } from '../api';

const APP = path.resolve(__dirname, '../../../app');

/** `METHOD /route/pattern` → the route.ts file serving it (route groups like `(public)` dropped). */
export function routeFileIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const pattern = '/' + path.relative(APP, dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join('/');
        index.set(pattern, full);
      }
    }
  };
  walk(APP);
  return index;
}

type Handler = (req: never, ctx: never) => Promise<Response>;

export async function loadHandler(index: Map<string, string>, route: string): Promise<Handler> {
  const [method, pattern] = route.split(' ') as [string, string];
  const file = index.get(pattern);
  if (!file) throw new Error(`No route file for ${route}`);
  const mod = (await import(file)) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} has no ${method} export`);
  return handler;
}

/** Who may call a row: the first role the matrix lets through (public routes: anyone). */
export function callerFor(row: Row): Exclude<Who, 'anonymous' | 'token' | 'contact'> | null {
  if (row.expect.anonymous === 'ok') return null;
  for (const who of ['inspector', 'supervisor', 'admin'] as const) if (row.expect[who] === 'ok') return who;
  throw new Error(`Nobody may call ${row.route}`);
}

/** Path parameter names of a pattern: `[id]` → id, `[...path]` → path. */
export function paramNames(route: string): string[] {
  return [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}

export function concretePath(route: string, params: Record<string, string | string[]>): string {
  const pattern = route.split(' ')[1]!;
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest, name) => {
    const v = params[name];
    return rest ? (v as string[]).map(segment).join('/') : segment(String(v));
  });
}

/** A path segment as a client would send it; lone surrogates go out as the bytes of U+FFFD. */
function segment(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}

/**
 * Every committed row change (insert, update, delete) of every table, one row per change appended by
 * a test-only trigger to `fuzz_changes`: stronger than comparing row counts (an UPDATE shows too),
 * one small read per request, and append-only, so it adds no lock between connections (an import's
 * apply transaction and its heartbeat). A rolled-back write leaves no row, as it should.
 * `api_tokens` counts only changes to what a token is (not its last-use time, which reads touch).
 */
export async function installChangeLog(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`CREATE TABLE fuzz_changes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tbl text NOT NULL)`);
  await db.execute(sql.raw(`CREATE FUNCTION fuzz_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_changes (tbl) VALUES (TG_TABLE_NAME);
      RETURN NULL;
    END $$`));
  const tables = await queryRows<{ tablename: string }>(db, sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'fuzz_changes'`);
  for (const { tablename } of tables) {
    const events = tablename === 'api_tokens' ? 'INSERT OR DELETE OR UPDATE OF revoked_at, name, role, token_hash' : 'INSERT OR UPDATE OR DELETE';
    await db.execute(sql.raw(`CREATE TRIGGER fuzz_note_change AFTER ${events} ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION fuzz_note_change()`));
  }
}

/** The last change logged so far. */
export async function changeMark(): Promise<number> {
  const [row] = await queryRows<{ id: number | string | null }>(await getDb(), sql`SELECT max(id) AS id FROM fuzz_changes`);
  return Number(row?.id ?? 0);
}

/** The tables changed since a mark, with how many row changes each. */
export async function changesSince(mark: number): Promise<string[]> {
  const rows = await queryRows<{ tbl: string; n: number | string }>(await getDb(), sql`SELECT tbl, count(*) AS n FROM fuzz_changes WHERE id > ${mark} GROUP BY tbl ORDER BY tbl`);
  return rows.map((r) => `${r.tbl}: ${r.n} row changes`);
}

export interface FuzzRequest {
  route: string;
  token?: string;
  params: Record<string, string | string[]>;
  query: [string, string][];
  body?: unknown;
  rawBody?: Uint8Array | string | FormData;
  /** The body field or query key made hostile (first path segment), when one was. */
  mutated?: string;
  /** Present when the mutated key was a path parameter. */
  mutatedParam?: string;
}

export function describeRequest(r: FuzzRequest): string {
  const cut = (v: unknown) => {
    const s = typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 200 ? `${x.slice(0, 200)}…(${x.length} chars)` : x));
    return s && s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
  };
  return `${r.route} params=${cut(r.params)} query=${cut(r.query)} body=${cut(r.body ?? (r.rawBody instanceof Uint8Array ? `bytes ${Buffer.from(r.rawBody).toString('hex').slice(0, 200)}` : r.rawBody instanceof FormData ? 'multipart' : r.rawBody))} mutated=${r.mutated ?? r.mutatedParam ?? '-'}`;
}

export async function send(handler: Handler, r: FuzzRequest): Promise<CallResult> {
  const search = new URLSearchParams(r.query).toString();
  const url = concretePath(r.route, r.params) + (search ? `?${search}` : '');
  return callRoute(handler as never, {
    method: r.route.split(' ')[0],
    path: url,
    token: r.token,
    params: r.params,
    body: r.body,
    rawBody: r.rawBody as BodyInit | undefined,
    headers: r.rawBody !== undefined && !(r.rawBody instanceof FormData) ? { 'content-type': 'application/json' } : undefined,
  });
}

/** The checks of one answer; returns the problems (empty when fine). */
export function answerProblems(r: FuzzRequest, res: CallResult, related: Record<string, string[]> = {}): string[] {
  const problems: string[] = [];
  if (res.status >= 500) return [`${res.status} ${res.text.slice(0, 500)}`];
  if (res.status < 400) return problems;
  const error = res.json?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') problems.push(`error shape: ${res.text.slice(0, 300)}`);
  if ((res.status === 400 || res.status === 422) && (r.mutated || r.mutatedParam)) {
    const fields = error?.fields as Record<string, string> | undefined;
    const expected = r.mutatedParam ?? r.mutated!;
    const names = [expected, ...(related[expected] ?? [])];
    if (!fields || !Object.keys(fields).some((k) => names.includes(k.split('.')[0]!))) {
      problems.push(`${res.status} without fields naming ${expected}: ${res.text.slice(0, 300)}`);
    }
  }
  return problems;
}

/**
 * The tables changed since `mark` (with how many row changes each), the last change's id (the next
 * request's mark), and whether an import is still at work — a job queued or running, or staged rows its
 * clean-up has not deleted yet (they go right after the job is marked done). One query when the window
 * holds no import_jobs change (no import can be at work then: every earlier request's check waited for
 * its own); otherwise one statement that reads the changes and the import's state together, from one
 * snapshot: read apart, a job's last changes could commit between the two reads, the job would look done
 * and those changes would land in the next request's window (it happened: a refused upload "changed"
 * the previous import's rows).
 */
export async function changesAfter(mark: number): Promise<{ changed: string[]; last: number; importBusy: boolean }> {
  type Change = { tbl: string; n: number | string; last: number | string };
  const db = await getDb();
  let changes = await queryRows<Change>(db, sql`SELECT tbl, count(*) AS n, max(id) AS last FROM fuzz_changes WHERE id > ${mark} GROUP BY tbl ORDER BY tbl`);
  let importBusy = false;
  if (changes.some((c) => c.tbl === 'import_jobs')) {
    const [row] = await queryRows<{ busy: boolean | string; changes: Change[] | string | null }>(
      db,
      sql`SELECT EXISTS (SELECT 1 FROM import_jobs WHERE status IN ('queued', 'running')) OR EXISTS (SELECT 1 FROM import_staging) AS busy,
        (SELECT json_agg(c ORDER BY c.tbl) FROM (SELECT tbl, count(*) AS n, max(id) AS last FROM fuzz_changes WHERE id > ${mark} GROUP BY tbl) c) AS changes`,
    );
    importBusy = row!.busy === true || String(row!.busy) === 't';
    changes = (typeof row!.changes === 'string' ? JSON.parse(row!.changes) : (row!.changes ?? [])) as Change[];
  }
  return {
    changed: changes.map((c) => `${c.tbl}: ${c.n} row changes`),
    last: changes.reduce((m, c) => Math.max(m, Number(c.last)), mark),
    importBusy,
  };
}
