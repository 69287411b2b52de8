/**
 * Property-based fuzzing of every API route of the authorization matrix (issue #9): hostile
 * bodies, query strings and path parameters. Every answer: never a 5xx, the DESIGN §6 error shape
 * with `fields` naming the field on 400/422, no row change at all from a refused write or a read
 * (a trigger counts every insert/update/delete per table), and an accepted write records its audit event. Counterexamples are printed by fast-check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDatabase, getDb } from '../../db/client';
import { apiTokens } from '../../db/schema';
import { API } from '../../e2e/authz/matrix';
import { hashTokenSecret } from '../../lib/auth/tokens';
import { createDraft } from '../../lib/notices/commands';
import { inviteContact } from '../../lib/portal/contacts';
import { createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeSubject, makeUser, withTaxonomies } from '../support/fixtures';
import { EDITED_CURSORS, LIST_SORTS, hostileJson, hostileParam, hostileString, rawBody, tenMegabyteBody } from '../support/fuzz/hostile';
import { answerProblems, callerFor, changeMark, changesAfter, describeRequest, installChangeLog, loadHandler, paramNames, routeFileIndex, send, type FuzzRequest } from '../support/fuzz/harness';
import { fuzzTargets, type FuzzIds, type Target } from '../support/fuzz/targets';
import { draftInput, makeOverdueCase } from '../support/notices';
import { fuzzSize } from '../support/fuzz-size';

/** FUZZ_REQUESTS; under CI 5,000 on each database (two passes, two seeds: 10,000 different requests per CI run), locally 800 (docs/testing.md). */
const TOTAL = fuzzSize('FUZZ_REQUESTS', { ci: 5_000, local: 800 });
/** Rows only an operator's contact may call (a session, not a token): fuzzed over HTTP in tests/blackbox/portal-access.test.ts. */
const contactOnly = (row: (typeof API)[number]) => row.expect.contact === 'ok' && row.expect.anonymous !== 'ok' && !(['inspector', 'supervisor', 'admin'] as const).some((w) => row.expect[w] === 'ok');
const FUZZED = API.filter((row) => !contactOnly(row));
const RUNS = Math.ceil(TOTAL / FUZZED.length) + 5;
let sent = 0;
let tokens: Record<'inspector' | 'supervisor' | 'admin', string>;
let ids: FuzzIds;
let ourTokenHashes: string[];
let targets: Record<string, Target>;
const index = routeFileIndex();

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  const [inspector, supervisor, admin] = await Promise.all([createToken('inspector'), createToken('supervisor'), createToken('admin'), createToken('inspector', 'spare')]);
  tokens = { inspector, supervisor, admin };
  ourTokenHashes = [inspector, supervisor, admin].map(hashTokenSecret);
  const db = await getDb();
  const [spareRow] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, 'spare'));
  const author = await makeUser('supervisor');
  const subject = await makeSubject();
  const other = await makeSubject();
  const overdue = await makeOverdueCase({ subjectId: subject.id });
  const notice = await createDraft(db, author, draftInput([overdue.id]));
  const { contact } = await inviteContact(author, subject.operatorId!, { name: '联系人', email: 'fuzz-contact@rectify.test' });
  ids = { operatorId: subject.operatorId!, subjectId: subject.id, otherSubjectId: other.id, caseId: overdue.id, noticeId: notice.id, userId: (await makeUser('inspector')).id, tokenId: spareRow!.id, contactId: contact.id };
  targets = fuzzTargets(ids);
  await installChangeLog();
  mark = await changeMark();
});
afterAll(teardownTestDatabase);

type Draft = Omit<FuzzRequest, 'route' | 'token'>;

/** The 10 MB body every route with a body gets, made once (the same bytes each time: its size is the point). */
let tenMb: { text: string; bytes: Uint8Array } | undefined;
function tenMegabytes() {
  if (!tenMb) {
    const text = tenMegabyteBody();
    tenMb = { text, bytes: new TextEncoder().encode(text) };
  }
  return tenMb;
}

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...prefix, i])) : [prefix];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return [prefix];
}

function setAt(body: Record<string, unknown>, at: (string | number)[], value: unknown, remove: boolean): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

function fileForm(bytes: Uint8Array | string | null, name: string): FormData {
  const form = new FormData();
  if (typeof bytes === 'string') form.set('file', bytes);
  else if (bytes !== null) form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

/** Requests for one route: the valid one, one hostile field, hostile whole bodies, raw bytes, hostile params and queries. */
function requestsFor(route: string, t: Target): fc.Arbitrary<Draft> {
  const params = t.params ?? {};
  const names = paramNames(route);
  const plain = (extra: Partial<Draft> = {}): Draft => ({ params, query: t.baseQuery ?? [], body: t.body?.(), ...extra });
  const options: fc.Arbitrary<Draft>[] = [fc.constant(null).map(() => plain())];
  if (t.body) {
    options.push(
      fc.tuple(fc.nat(), hostileJson, fc.boolean()).map(([pick, value, remove]) => {
        const body = t.body!();
        const paths = leafPaths(body);
        const at = paths[pick % paths.length]!;
        return plain({ body: setAt(body, at, value, remove && pick % 5 === 0), mutated: String(at[0]) });
      }),
      fc.tuple(fc.constantFrom('__proto__', 'constructor', 'id', 'createdBy', 'status'), hostileJson).map(([key, value]) => plain({ body: { ...t.body!(), [key]: value } })),
      hostileJson.map((body) => plain({ body })),
      rawBody.map((raw) => plain({ body: undefined, rawBody: raw })),
    );
  }
  if (t.multipart) {
    options.push(
      fc.tuple(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), fc.constant(null), hostileString),
        t.fileNames ? fc.oneof(fc.constantFrom(...t.fileNames), hostileString) : hostileString,
      ).map(([bytes, name]) =>
        plain({ rawBody: fileForm(bytes, name.slice(0, 1000)), mutated: 'file' }),
      ),
      rawBody.map((raw) => plain({ rawBody: raw })),
    );
  }
  if (names.length) {
    options.push(
      fc.tuple(fc.constantFrom(...names), hostileParam).map(([name, value]) =>
        plain({ params: { ...params, [name]: name === 'path' ? [value] : value }, mutatedParam: name === 'path' ? undefined : name }),
      ),
    );
  }
  if (t.query?.length) {
    options.push(
      fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...t.query) }, { weight: 1, arbitrary: hostileString.map((s) => s.slice(0, 50)) }), hostileParam), { minLength: 1, maxLength: 4 }).map((query) =>
        plain({ query: [...(t.baseQuery ?? []).filter(([k]) => !query.some(([q]) => q === k)), ...query], body: undefined, mutated: query.length === 1 && t.query!.includes(query[0]![0]) ? query[0]![0] : undefined }),
      ),
    );
  }
  if (t.query?.includes('cursor')) {
    // an edited cursor, under one of the lists' sorts where the route has one (then the 400 may name sort)
    const sorts = t.query.includes('sort') ? fc.option(fc.constantFrom(...LIST_SORTS)) : fc.constant(null);
    options.push(
      fc.tuple(fc.constantFrom(...EDITED_CURSORS), sorts).map(([cursor, sort]) => {
        const edited: [string, string][] = sort ? [['sort', sort], ['cursor', cursor]] : [['cursor', cursor]];
        return plain({ query: [...(t.baseQuery ?? []).filter(([k]) => !edited.some(([e]) => e === k)), ...edited], body: undefined, mutated: sort ? undefined : 'cursor' });
      }),
    );
  }
  return fc.oneof(...options);
}

/** Keeps the fuzzer's own credentials alive (DELETE /api/v1/tokens/{id} may name them). */
async function restoreTokens() {
  const db = await getDb();
  await db.update(apiTokens).set({ revokedAt: null }).where(and(inArray(apiTokens.tokenHash, ourTokenHashes), isNotNull(apiTokens.revokedAt)));
}

/**
 * The change log's last id when the previous request was checked: every row change logged after it
 * is the next request's (nothing else writes between two requests of this file). One query a request
 * instead of a mark before it, a wait for imports and a count after it.
 */
let mark = 0;

async function check(route: string, t: Target, handler: Parameters<typeof send>[0], r: FuzzRequest) {
  const res = await send(handler, r);
  sent++;
  const problems = answerProblems(r, res, t.related);
  // An accepted import runs in the background: its rows (and its staged rows' clean-up) belong to this request, so wait for it.
  let after = await changesAfter(mark);
  for (const until = Date.now() + 60_000; after.importBusy; after = await changesAfter(mark)) {
    if (Date.now() > until) {
      const pool = (await getDatabase()).pool;
      const stats = pool ? ` (Postgres pool: ${pool.totalCount} clients, ${pool.idleCount} idle, ${pool.waitingCount} waiting)` : '';
      throw new Error(`the import job started by this request did not finish in 60 s${stats}\nrequest: ${describeRequest(r)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const changed = after.changed;
  mark = after.last;
  if (route.startsWith('DELETE /api/v1/tokens')) {
    await restoreTokens();
    mark = await changeMark(); // the restore's own change is not the next request's
  }
  if (res.status >= 400 && changed.length) problems.push(`refused (${res.status}) but rows changed: ${changed.join(', ')}`);
  if (route.startsWith('GET ') && changed.length) problems.push(`a read changed rows: ${changed.join(', ')}`);
  else if (res.status < 300 && !route.startsWith('GET ') && !t.noopOk && !changed.some((c) => c.startsWith('audit_events'))) {
    problems.push(`accepted (${res.status}) without an audit event: ${changed.join(', ') || 'no table changed'}`);
  }
  if (problems.length) throw new Error(`${problems.join('\n')}\nrequest: ${describeRequest(r)}`);
}

describe('fuzzing every API route', () => {
  it('has a fuzz target for every API row of the authorization matrix', () => {
    expect(API.map((row) => row.route).filter((route) => !(route in targets))).toEqual([]);
  });

  for (const row of FUZZED) {
    it(`${row.route}: never a 5xx, errors name the field, refused writes change nothing`, async () => {
      const t = targets[row.route]!;
      const handler = await loadHandler(index, row.route);
      const caller = callerFor(row);
      const token = caller ? tokens[caller] : undefined;
      if (t.body || t.multipart) {
        await check(row.route, t, handler, { route: row.route, token, params: t.params ?? {}, query: [], rawBody: t.multipart ? fileForm(tenMegabytes().bytes, 'big.png') : tenMegabytes().text });
      }
      await fc.assert(
        fc.asyncProperty(requestsFor(row.route, t), (draft) => check(row.route, t, handler, { ...draft, route: row.route, token })),
        { numRuns: RUNS },
      );
    }, 300_000); // a loaded machine; accepted imports also run their job before the next request
  }

  it(`sent at least ${TOTAL} requests`, () => {
    console.log(`[fuzz] ${sent} requests`);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
  });
});
