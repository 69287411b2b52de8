/**
 * Issue #5 item 6: subjects and operators under a CONFIRMED flag are marked in the subject, operator
 * and case lists (pages and v1 API) and can be filtered with `flagged=confirmed`; open and dismissed
 * flags mark nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { GET as subjectsRoute } from '../../app/api/v1/subjects/route';
import { GET as operatorsRoute } from '../../app/api/v1/operators/route';
import { GET as casesRoute } from '../../app/api/v1/cases/route';
import { POST as reviewRoute } from '../../app/api/v1/offenders/[id]/review/route';
import { refreshOffenderFlags } from '../../lib/offenders/refresh';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';
import { flagFor, setCaseState } from '../support/offenders';

let handle: DatabaseHandle;
let reader: string;
let supervisor: string;

/** An operator with two subjects and three cases on the first: an operator_recurrence flag, reviewed as asked. */
async function operatorWithFlag(review: 'confirm' | 'dismiss' | null) {
  const op = await makeOperator();
  const subject = await makeSubject({ operatorId: op.id });
  const sibling = await makeSubject({ operatorId: op.id });
  for (const d of ['2026-01-10', '2026-03-10', '2026-05-10']) await makeCase({ subjectId: subject.id, inspectedOn: d });
  const flag = (await flagFor('operator_recurrence', `operator:${op.id}`))!;
  expect(flag.status).toBe('open');
  if (review) {
    const body = review === 'confirm' ? { decision: 'confirm', escalation: 'interview' } : { decision: 'dismiss', reason: '已核实为误报' };
    const res = await callRoute(reviewRoute, { method: 'POST', path: `/api/v1/offenders/${flag.id}/review`, params: { id: String(flag.id) }, token: supervisor, body });
    expect(res.status).toBe(200);
  }
  return { op, subject, sibling };
}

const get = async (route: typeof subjectsRoute, path: string) => {
  const res = await callRoute(route as never, { method: 'GET', path, token: reader });
  return res;
};
type Row = { id: number; repeatOffender: boolean; operatorRepeatOffender?: boolean; subjectId?: number };
const items = async (route: typeof subjectsRoute, path: string): Promise<Row[]> => {
  const res = await get(route, path);
  expect(res.status).toBe(200);
  return res.json.items as Row[];
};

let confirmed: Awaited<ReturnType<typeof operatorWithFlag>>;
let dismissed: Awaited<ReturnType<typeof operatorWithFlag>>;
let open: Awaited<ReturnType<typeof operatorWithFlag>>;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [reader, supervisor] = await Promise.all([createToken('inspector'), createToken('supervisor')]);
  confirmed = await operatorWithFlag('confirm');
  dismissed = await operatorWithFlag('dismiss');
  open = await operatorWithFlag(null);
});
afterAll(teardownTestDatabase);

describe('an operator-level confirmed flag', () => {
  it('marks the operator, every subject of it and their cases; open and dismissed flags mark nothing', async () => {
    for (const [who, marked] of [[confirmed, true], [dismissed, false], [open, false]] as const) {
      const subjects = await items(subjectsRoute, `/api/v1/subjects?operator=${who.op.id}`);
      expect(subjects.map((s) => [s.id, s.repeatOffender, s.operatorRepeatOffender]).sort()).toEqual(
        [[who.subject.id, marked, marked], [who.sibling.id, marked, marked]].sort(),
      );
      const ops = await items(operatorsRoute, `/api/v1/operators?q=${encodeURIComponent(who.op.name)}`);
      expect(ops.find((o) => o.id === who.op.id)?.repeatOffender).toBe(marked);
      const cases = await items(casesRoute, `/api/v1/cases?operator=${who.op.id}`);
      expect(cases).toHaveLength(3);
      expect(cases.every((c) => c.repeatOffender === marked && c.operatorRepeatOffender === marked)).toBe(true);
    }
  });

  it('is what flagged=confirmed keeps, in each list', async () => {
    const subjects = await items(subjectsRoute, '/api/v1/subjects?flagged=confirmed&limit=200');
    expect(subjects.map((s) => s.id).sort()).toEqual([confirmed.subject.id, confirmed.sibling.id].sort());
    const ops = await items(operatorsRoute, '/api/v1/operators?flagged=confirmed');
    expect(ops.map((o) => o.id)).toEqual([confirmed.op.id]);
    const cases = await items(casesRoute, '/api/v1/cases?flagged=confirmed');
    expect(cases).toHaveLength(3);
    expect(new Set(cases.map((c) => c.subjectId))).toEqual(new Set([confirmed.subject.id]));
    // Filters combine: the confirmed subjects of another operator are none.
    expect(await items(subjectsRoute, `/api/v1/subjects?flagged=confirmed&operator=${open.op.id}`)).toEqual([]);
  });

  it('answers a bad flagged value with 400 naming the field, in each list', async () => {
    for (const [route, path] of [[subjectsRoute, '/api/v1/subjects'], [operatorsRoute, '/api/v1/operators'], [casesRoute, '/api/v1/cases']] as const) {
      const res = await get(route, `${path}?flagged=yes`);
      expect(res.status).toBe(400);
      expect(res.json.error.fields).toHaveProperty('flagged');
    }
  });
});

describe('a subject-level confirmed flag', () => {
  it('marks its subject and its operator, not the sibling subject itself', async () => {
    const op = await makeOperator();
    const s = await makeSubject({ operatorId: op.id });
    const sibling = await makeSubject({ operatorId: op.id });
    const first = await makeCase({ subjectId: s.id, categories: ['autostart'], inspectedOn: '2025-01-05' });
    await setCaseState(first.id, 'verified', '2025-02-01T10:00:00+08:00');
    await makeCase({ subjectId: s.id, categories: ['autostart'], inspectedOn: '2025-06-01' });
    await refreshOffenderFlags(handle.db, { subjectIds: [s.id] });
    const flag = (await flagFor('subject_recidivism', `subject:${s.id}/category:autostart`))!;
    const res = await callRoute(reviewRoute, { method: 'POST', path: `/api/v1/offenders/${flag.id}/review`, params: { id: String(flag.id) }, token: supervisor, body: { decision: 'confirm', escalation: 'credit_record' } });
    expect(res.status).toBe(200);

    const rows = await items(subjectsRoute, `/api/v1/subjects?operator=${op.id}`);
    expect(rows.find((r) => r.id === s.id)).toMatchObject({ repeatOffender: true, operatorRepeatOffender: true });
    expect(rows.find((r) => r.id === sibling.id)).toMatchObject({ repeatOffender: false, operatorRepeatOffender: true });
    expect((await items(subjectsRoute, `/api/v1/subjects?operator=${op.id}&flagged=confirmed`)).map((r) => r.id)).toEqual([s.id]);
    expect((await items(operatorsRoute, '/api/v1/operators?flagged=confirmed')).map((o) => o.id).sort()).toEqual([confirmed.op.id, op.id].sort());
  });
});
