/**
 * "Select all N matching" on the case list: the bulk action names the list's filters, and the server
 * takes every matching case (not only the page shown) in the same transaction as the transitions, up
 * to MAX_BULK_CASES; beyond it a 400 naming the limit (`ids`, reason `bulk_limit`), nothing moved.
 * The list asks for the count (countMatchingCases) only when a user selects the whole page.
 * (The browser flow, 1,200 cases of a campaign in one action, is e2e/campaigns.spec.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { bulkFiltersFrom, matchingCaseIds, matchingStatesUpTo } from '../../lib/cases/bulk-matching';
import { countMatchingCases } from '../../lib/cases/actions';
import { directTargets } from '../../lib/cases/ladder';
import { runWithRequest } from '../../lib/http/request-context';
import { createToken } from '../support/api';
import { MAX_BULK_CASES } from '../../lib/cases/schemas';
import { transitionCases } from '../../lib/cases/transition';
import { HttpError } from '../../lib/http/errors';
import { addDays, officeToday } from '../../lib/time';
import type { Actor } from '../../lib/auth/actor';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { getCase, makeCase, makeOperator, makeSubject, makeUser, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let supervisor: Actor;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  supervisor = await makeUser('supervisor');
});
afterAll(teardownTestDatabase);

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
};

describe('select all matching', () => {
  it('takes every case the filters match, past the first page, and moves them in one transaction', async () => {
    const op = await makeOperator();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await makeCase({ subjectId: (await makeSubject({ operatorId: op.id })).id })).id);
    await makeCase(); // another operator's: not matched

    // The list's URL, cursor, page size and sort included: only the filters count.
    const filters = bulkFiltersFrom(`?operator=${op.id}&state=open&sort=subject&limit=2&cursor=abc`, supervisor);
    expect(await matchingStatesUpTo(handle.db, filters)).toEqual({ count: 7, states: ['open'] });
    expect(await matchingCaseIds(handle.db, filters)).toEqual(ids);

    const deadline = addDays(officeToday(), 10);
    const moved = await handle.db.transaction(async (tx) => {
      const matched = await matchingCaseIds(tx, filters);
      return transitionCases(tx, supervisor, matched.map((caseId) => ({ caseId })), { to: 'ordered', input: { deadline } });
    });
    expect(moved).toHaveLength(7);
    for (const id of ids) expect(await getCase(id)).toMatchObject({ state: 'ordered', deadline });
    expect((await matchingStatesUpTo(handle.db, filters)).count).toBe(0);
  });

  it('counts what the list takes whichever tables the filters read (unread joins are left out by the planner)', async () => {
    await makeCase();
    // Unfiltered and by the case alone (no table joined), by the subject, by the inspection (one that keeps
    // every case, one that keeps none), and the search, which reads the subject's operator.
    for (const q of ['', 'state=open', 'overdue=0', 'kind=app', 'from=2000-01-01', 'to=2000-01-01', 'q=x', 'kind=app&to=2000-01-01']) {
      const filters = bulkFiltersFrom(q, supervisor);
      expect((await matchingStatesUpTo(handle.db, filters)).count, q).toBe((await matchingCaseIds(handle.db, filters)).length);
    }
    expect((await matchingStatesUpTo(handle.db, bulkFiltersFrom('', supervisor))).count).toBeGreaterThan(0);
    expect((await matchingStatesUpTo(handle.db, bulkFiltersFrom('to=2000-01-01', supervisor))).count).toBe(0);
  });

  it('refuses more matches than the limit with a 400 naming it, and counts one past it', async () => {
    expect(MAX_BULK_CASES).toBe(5000);
    const op = await makeOperator();
    for (let i = 0; i < 4; i++) await makeCase({ subjectId: (await makeSubject({ operatorId: op.id })).id });
    const filters = bulkFiltersFrom(`operator=${op.id}`, supervisor);
    const err = await refusal(matchingCaseIds(handle.db, filters, 3));
    expect(err.status).toBe(400);
    expect(err.reason).toBe('bulk_limit');
    expect(err.fields?.ids).toMatch(/At most 3 cases at once/);
    expect(await matchingStatesUpTo(handle.db, filters, 3)).toMatchObject({ count: 4 });
  });

  it('refuses filters the list would not take, naming them; assignee=me needs a user', async () => {
    const bad = await refusal(Promise.resolve().then(() => bulkFiltersFrom('state=lost&sector=x', supervisor)));
    expect(bad.status).toBe(400);
    expect(bad.fields?.filter).toMatch(/state/);
    const token: Actor = { kind: 'token', id: 1, role: 'supervisor', name: 't' } as Actor;
    const me = await refusal(Promise.resolve().then(() => bulkFiltersFrom('assignee=me', token)));
    expect(me.fields).toHaveProperty('assignee');
    expect(bulkFiltersFrom('assignee=me', supervisor).assignee).toBe(supervisor.id);
  });

  it('counts on request, for "select all N matching": the list filters, what each state may become for the caller', async () => {
    const op = await makeOperator();
    for (let i = 0; i < 3; i++) await makeCase({ subjectId: (await makeSubject({ operatorId: op.id })).id });
    const moved = await makeCase({ subjectId: (await makeSubject({ operatorId: op.id })).id });
    await handle.db.transaction((tx) => transitionCases(tx, supervisor, [{ caseId: moved.id }], { to: 'ordered', input: { deadline: addDays(officeToday(), 10) } }));
    const as = async (role: 'inspector' | 'admin', filter: unknown) => {
      const headers = new Headers({ authorization: `Bearer ${await createToken(role)}` });
      return runWithRequest(headers, () => countMatchingCases({ filter }));
    };
    expect(await as('inspector', `?operator=${op.id}&sort=subject&cursor=abc`)).toEqual({
      ok: true,
      data: { count: 4, limit: MAX_BULK_CASES, targets: { open: directTargets('open', 'inspector'), ordered: directTargets('ordered', 'inspector') } },
    });
    expect(await as('inspector', `operator=${op.id}&state=ordered`)).toMatchObject({ ok: true, data: { count: 1, targets: { ordered: directTargets('ordered', 'inspector') } } });
    // Filters the list would not take are named; a role that may not act is refused before they are read.
    expect(await as('inspector', 'state=lost')).toMatchObject({ ok: false, status: 400, fieldErrors: { filter: expect.stringMatching(/state/) } });
    expect(await as('admin', `operator=${op.id}`)).toMatchObject({ ok: false, status: 403 });
  });
});
