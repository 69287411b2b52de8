import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditEvents, offenderRules } from '../../db/schema';
import { GET as listRoute } from '../../app/api/v1/offenders/route';
import { GET as oneRoute } from '../../app/api/v1/offenders/[id]/route';
import { POST as reviewRoute } from '../../app/api/v1/offenders/[id]/review/route';
import { PUT as ruleRoute } from '../../app/api/v1/offender-rules/[rule]/route';
import { recomputeOffenderFlags, refreshOffenderFlags } from '../../lib/offenders/refresh';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';
import { flagFor, setCaseState } from '../support/offenders';

let handle: DatabaseHandle;
let inspector: string;
let supervisor: string;
let admin: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [inspector, supervisor, admin] = await Promise.all([createToken('inspector'), createToken('supervisor'), createToken('admin')]);
});
afterAll(teardownTestDatabase);

/** An operator with three cases in 2026: opening them (as the product does) raises the flag. */
async function flaggedOperator() {
  const op = await makeOperator({ regionCode: '440300' });
  const subject = await makeSubject({ operatorId: op.id, sector: 'finance', kind: 'app', platform: 'android' });
  const ids = [];
  for (const d of ['2026-01-10', '2026-03-10', '2026-05-10']) ids.push((await makeCase({ subjectId: subject.id, inspectedOn: d })).id);
  const flag = await flagFor('operator_recurrence', `operator:${op.id}`);
  return { op, subject, ids, flag: flag! };
}

const review = (id: number, token: string, body: object) =>
  callRoute(reviewRoute, { method: 'POST', path: `/api/v1/offenders/${id}/review`, params: { id: String(id) }, token, body });

describe('reviewing a flag', () => {
  it('is raised by opening cases, and refused to inspectors and admins (403)', async () => {
    const { flag } = await flaggedOperator();
    expect(flag.status).toBe('open');
    expect((await review(flag.id, inspector, { decision: 'dismiss', reason: 'x' })).status).toBe(403);
    expect((await review(flag.id, admin, { decision: 'confirm', escalation: 'interview' })).status).toBe(403);
    expect((await flagFor('operator_recurrence', flag.targetKey))!.status).toBe('open');
  });

  it('answers bad input with 400 naming the field', async () => {
    const { flag } = await flaggedOperator();
    const noEscalation = await review(flag.id, supervisor, { decision: 'confirm' });
    expect(noEscalation.status).toBe(400);
    expect(noEscalation.json.error.fields).toHaveProperty('escalation');
    const noReason = await review(flag.id, supervisor, { decision: 'dismiss', reason: '  ' });
    expect(noReason.json.error.fields).toHaveProperty('reason');
    expect((await review(flag.id, supervisor, { decision: 'maybe' })).json.error.fields).toHaveProperty('decision');
    expect((await review(999999, supervisor, { decision: 'dismiss', reason: 'x' })).status).toBe(404);
  });

  it('confirms with an escalation, audited; a second review is a 409', async () => {
    const { flag } = await flaggedOperator();
    const res = await review(flag.id, supervisor, { decision: 'confirm', escalation: 'credit_record', reason: '三次复发' });
    expect(res.status).toBe(200);
    expect(res.json.flag).toMatchObject({ status: 'confirmed', escalation: 'credit_record', reviewReason: '三次复发' });
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'offender_flag'), eq(auditEvents.entityId, String(flag.id))));
    expect(audit.map((a) => a.action)).toEqual(['offender_flag.confirm']);
    expect(audit[0]!.actorTokenId).not.toBeNull();
    expect((await review(flag.id, supervisor, { decision: 'dismiss', reason: 'x' })).status).toBe(409);
  });

  it('keeps a dismissed flag dismissed until a new case arrives, then reopens it saying what is new', async () => {
    const { subject, ids, flag } = await flaggedOperator();
    const res = await review(flag.id, supervisor, { decision: 'dismiss', reason: '同一问题重复登记' });
    expect(res.json.flag.status).toBe('dismissed');
    // Evidence shrinks (a withdrawal): nothing new, it stays dismissed (and no longer holds).
    await setCaseState(ids[0]!, 'withdrawn');
    await refreshOffenderFlags(handle.db, { subjectIds: [subject.id] });
    expect((await flagFor('operator_recurrence', flag.targetKey))!).toMatchObject({ status: 'dismissed' });
    // A case outside the reviewed set: it reopens.
    const fewer = await makeCase({ subjectId: subject.id, inspectedOn: '2026-06-10' }); // refresh runs on open
    let now = (await flagFor('operator_recurrence', flag.targetKey))!;
    expect(now.status).toBe('open');
    expect(now.explanation).toMatchObject({ newSinceReview: [fewer.id] });
    const reopen = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(flag.id)), eq(auditEvents.action, 'offender_flag.reopen')));
    expect(reopen).toHaveLength(1);
    // Dismiss again; re-running the rules with the same evidence changes nothing.
    await review(flag.id, supervisor, { decision: 'dismiss', reason: '仍为重复登记' });
    await makeCase({ subjectId: (await makeSubject()).id }); // unrelated activity
    await recomputeOffenderFlags(handle.db);
    now = (await flagFor('operator_recurrence', flag.targetKey))!;
    expect(now.status).toBe('dismissed');
  });
});

describe('GET /api/v1/offenders', () => {
  it('lists open flags heaviest first with filters and a cursor', async () => {
    for (let i = 0; i < 3; i++) await flaggedOperator();
    const page1 = await callRoute(listRoute, { path: '/api/v1/offenders?rule=operator_recurrence&region=440000&sector=finance&limit=2', token: inspector });
    expect(page1.status).toBe(200);
    expect(page1.json.items).toHaveLength(2);
    expect(page1.json.items[0].weight).toBeGreaterThanOrEqual(page1.json.items[1].weight);
    expect(page1.json.nextCursor).toMatch(/^\d+\.\d+$/);
    const page2 = await callRoute(listRoute, { path: `/api/v1/offenders?rule=operator_recurrence&region=440000&sector=finance&limit=2&cursor=${page1.json.nextCursor}`, token: inspector });
    const seen = new Set([...page1.json.items, ...page2.json.items].map((f: { id: number }) => f.id));
    expect(seen.size).toBe(page1.json.items.length + page2.json.items.length);
    const none = await callRoute(listRoute, { path: '/api/v1/offenders?sector=parking&rule=operator_recurrence&region=440000', token: admin });
    expect(none.json.items).toEqual([]);
    const bad = await callRoute(listRoute, { path: '/api/v1/offenders?rule=nope&campaign=-x', token: inspector });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(['rule', 'campaign']));
    const one = await callRoute(oneRoute, { path: `/api/v1/offenders/${page1.json.items[0].id}`, params: { id: String(page1.json.items[0].id) }, token: inspector });
    expect(one.json.cases).toHaveLength(3);
  });
});

describe('PUT /api/v1/offender-rules/{rule}', () => {
  it('lets an admin change a threshold (audited, flags recomputed); others get 403', async () => {
    const { flag } = await flaggedOperator();
    expect((await callRoute(ruleRoute, { method: 'PUT', path: '/api/v1/offender-rules/operator_recurrence', params: { rule: 'operator_recurrence' }, token: supervisor, body: { threshold: 4, windowMonths: 24 } })).status).toBe(403);
    const bad = await callRoute(ruleRoute, { method: 'PUT', path: '/api/v1/offender-rules/operator_recurrence', params: { rule: 'operator_recurrence' }, token: admin, body: { threshold: 0, windowMonths: 'x' } });
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['threshold', 'windowMonths']);
    const res = await callRoute(ruleRoute, { method: 'PUT', path: '/api/v1/offender-rules/operator_recurrence', params: { rule: 'operator_recurrence' }, token: admin, body: { threshold: 4, windowMonths: 24 } });
    expect(res.status).toBe(200);
    expect((await flagFor('operator_recurrence', flag.targetKey))!.resolvedAt).not.toBeNull();
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'offender_rule.update'));
    expect(audit!.after).toMatchObject({ threshold: 4 });
    await handle.db.update(offenderRules).set({ threshold: 3 }).where(eq(offenderRules.rule, 'operator_recurrence'));
    expect((await callRoute(ruleRoute, { method: 'PUT', path: '/api/v1/offender-rules/nope', params: { rule: 'nope' }, token: admin, body: { threshold: 3, windowMonths: 24 } })).status).toBe(400);
  });
});

describe('a flag behind many cases', () => {
  it('explains itself with the latest 50 cases and the total; the API says how many there are in all', async () => {
    const op = await makeOperator();
    const subject = await makeSubject({ operatorId: op.id });
    const other = await makeSubject({ operatorId: op.id });
    // 55 inspections five days apart in 2025, each with its case (set-based: the facts the rule reads).
    await handle.db.execute(sql`INSERT INTO inspections (subject_id, version, inspected_on, method)
      SELECT CASE WHEN g % 2 = 0 THEN ${subject.id}::int ELSE ${other.id}::int END, '1.' || g, date '2025-01-01' + g * 5, 'technical_test' FROM generate_series(1, 55) g`);
    await handle.db.execute(sql`INSERT INTO cases (subject_id, inspection_id, found_version)
      SELECT subject_id, id, version FROM inspections WHERE subject_id IN (${subject.id}, ${other.id})`);
    await refreshOffenderFlags(handle.db, { operatorIds: [op.id] });
    const flag = (await flagFor('operator_recurrence', `operator:${op.id}`))!;
    expect(flag.caseIds).toHaveLength(55);
    const e = flag.explanation as { caseCount: number; subjectCount: number; from: string; to: string; cases: { inspectedOn: string }[] };
    expect(e).toMatchObject({ caseCount: 55, subjectCount: 2, from: '2025-01-06', to: '2025-10-03' });
    expect(e.cases).toHaveLength(50);
    expect(e.cases[0]!.inspectedOn).toBe('2025-01-31'); // the 6th: the five oldest are counted, not listed
    expect(e.cases.at(-1)!.inspectedOn).toBe('2025-10-03');
    const one = await callRoute(oneRoute, { path: `/api/v1/offenders/${flag.id}`, params: { id: String(flag.id) }, token: inspector });
    expect(one.json.casesTotal).toBe(55);
    expect(one.json.cases).toHaveLength(50);
    expect(one.json.cases[0].inspectedOn).toBe('2025-01-31');
  });
});
