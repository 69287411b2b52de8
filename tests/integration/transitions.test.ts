import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { getDb, queryRows, type DatabaseHandle } from '../../db/client';
import { caseEvents, cases, inspections, retests } from '../../db/schema';
import { openCasesForInspections } from '../../lib/cases/open';
import { POST as transitionOne } from '../../app/api/v1/cases/[id]/transitions/route';
import { POST as transitionMany } from '../../app/api/v1/cases/transitions/route';
import { verifyAuditChain } from '../../lib/audit-verify';
import { addDays, officeToday } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { getCase, makeCase, makeSubject, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let inspector: string;
let supervisor: string;
let admin: string;
const future = addDays(officeToday(), 10);

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [inspector, supervisor, admin] = await Promise.all([createToken('inspector'), createToken('supervisor'), createToken('admin')]);
});
afterAll(teardownTestDatabase);

const move = (id: number, token: string | undefined, body: object) =>
  callRoute(transitionOne, { method: 'POST', path: `/api/v1/cases/${id}/transitions`, params: { id: String(id) }, token, body });

describe('POST /api/v1/cases/{id}/transitions', () => {
  it('orders rectification with the default deadline and records one event', async () => {
    const c = await makeCase();
    const res = await move(c.id, inspector, { to: 'ordered', expectedRevision: 1 });
    expect(res.status).toBe(200);
    expect(res.json.case).toMatchObject({ state: 'ordered', revision: 2, deadline: addDays(officeToday(), 7) });
    const events = await handle.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(events.map((e) => e.toState)).toEqual(['open', 'ordered']);
  });

  it('lets exactly one of 50 concurrent requests win; the others get 409 and nothing else is written', async () => {
    const c = await makeCase();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => move(c.id, i % 2 ? inspector : supervisor, { to: 'ordered', deadline: future, expectedRevision: 1 })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.find((r) => r.status === 409)!.json.error.code).toBe('conflict');
    const [{ n }] = (await handle.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, c.id))) as [{ n: number }];
    expect(n).toBe(2); // the opening event and the one transition
    expect((await getCase(c.id)).revision).toBe(2);
  });

  it('walks the ladder: rectified, a failed re-test back to ordered, then verified', async () => {
    const c = await makeCase();
    expect((await move(c.id, inspector, { to: 'ordered', deadline: future, expectedRevision: 1 })).status).toBe(200);
    expect((await move(c.id, inspector, { to: 'rectified', reason: '运营方称已删除手机号授权弹窗', version: '1.0.1', expectedRevision: 2 })).status).toBe(200);
    const failed = await move(c.id, inspector, { to: 'ordered', version: '1.0.1', deadline: addDays(future, 7), reason: '复测仍强制授权', expectedRevision: 3 });
    expect(failed.json.case).toMatchObject({ state: 'ordered', deadline: addDays(future, 7), retestVersion: '1.0.1' });
    await move(c.id, inspector, { to: 'rectified', reason: '再次整改', version: '1.0.2', expectedRevision: 4 });
    const verified = await move(c.id, inspector, { to: 'verified', version: '1.0.2', expectedRevision: 5 });
    expect(verified.json.case.state).toBe('verified');
    expect(verified.json.case.closedAt).not.toBeNull();
    const rows = await handle.db.select().from(retests).where(eq(retests.caseId, c.id));
    expect(rows.map((r) => r.result).sort()).toEqual(['failed', 'passed']);
  });

  it('refuses by state (422), by role (403) and by condition (422), naming the reason', async () => {
    const c = await makeCase();
    const byState = await move(c.id, inspector, { to: 'verified', version: '1', expectedRevision: 1 });
    expect(byState.status).toBe(422);
    expect(byState.json.error.message).toMatch(/cannot go from open to verified/);
    const byRole = await move(c.id, inspector, { to: 'withdrawn', reason: 'false positive', expectedRevision: 1 });
    expect(byRole.status).toBe(403);
    const byCondition = await move(c.id, supervisor, { to: 'withdrawn', reason: '', expectedRevision: 1 });
    expect(byCondition.status).toBe(422);
    expect(byCondition.json.error.fields).toHaveProperty('reason');
    const admins = await move(c.id, admin, { to: 'ordered', deadline: future, expectedRevision: 1 });
    expect(admins.status).toBe(403);
    expect((await getCase(c.id)).state).toBe('open');
  });

  it('answers bad input with 400 naming the field, and no credentials with 401', async () => {
    const c = await makeCase();
    const bad = await move(c.id, inspector, { to: 'sideways', deadline: '2026-13-45x' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(['to', 'deadline', 'expectedRevision']));
    // A day that does not exist (after today as text) is refused naming deadline; it reached Postgres before, a 400 naming no field.
    const noSuchDay = await move(c.id, inspector, { to: 'ordered', deadline: '2099-02-30', expectedRevision: 1 });
    expect(noSuchDay.status, JSON.stringify(noSuchDay.json)).toBe(400);
    expect(Object.keys(noSuchDay.json.error.fields)).toEqual(['deadline']);
    expect((await move(c.id, undefined, { to: 'ordered', expectedRevision: 1 })).status).toBe(401);
    expect((await move(c.id, 'rct_not-a-real-token', { to: 'ordered', expectedRevision: 1 })).status).toBe(401);
    const missing = await callRoute(transitionOne, { method: 'POST', path: '/api/v1/cases/x/transitions', params: { id: 'x' }, token: inspector, body: { to: 'ordered', expectedRevision: 1 } });
    expect(missing.status).toBe(400);
    expect((await move(999999, inspector, { to: 'ordered', expectedRevision: 1 })).status).toBe(404);
  });
});

describe('POST /api/v1/cases/transitions (bulk)', () => {
  it('changes nothing when one case is ineligible, and names that case', async () => {
    const subject = await makeSubject();
    const a = await makeCase({ subjectId: subject.id });
    const b = await makeCase({ subjectId: subject.id });
    const done = await makeCase({ subjectId: subject.id });
    await move(done.id, inspector, { to: 'ordered', deadline: future, expectedRevision: 1 });
    const res = await callRoute(transitionMany, { method: 'POST', path: '/api/v1/cases/transitions', token: inspector, body: { ids: [a.id, b.id, done.id], to: 'ordered', deadline: future } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toEqual([String(done.id)]);
    expect(res.json.error.fields[String(done.id)]).toMatch(/ordered to ordered/);
    expect((await getCase(a.id)).state).toBe('open');
    expect((await getCase(b.id)).state).toBe('open');
  });

  it('moves every case when all are eligible', async () => {
    const a = await makeCase();
    const b = await makeCase();
    const res = await callRoute(transitionMany, { method: 'POST', path: '/api/v1/cases/transitions', token: supervisor, body: { ids: [a.id, b.id], to: 'ordered', deadline: future } });
    expect(res.status).toBe(200);
    expect(res.json.cases.map((c: { state: string }) => c.state)).toEqual(['ordered', 'ordered']);
  });

  it("orders 600 cases (beyond the old 500) in one call and one transaction; 5,001 ids is a 400 naming the limit", async () => {
    const subject = await makeSubject();
    const db = await getDb();
    const ids = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(inspections)
        .values(Array.from({ length: 600 }, (_, i) => ({ subjectId: subject.id, version: `1.${i}`, inspectedOn: '2026-06-01', method: 'technical_test' as const })))
        .returning({ id: inspections.id });
      // Opened as one batch by the product's set-based opening (each still gets its event and audit event).
      return (await openCasesForInspections(tx, null, inserted.map((i) => i.id), { refreshFlags: false })).map((c) => c.id);
    });
    const started = Date.now();
    const res = await callRoute(transitionMany, { method: 'POST', path: '/api/v1/cases/transitions', token: inspector, body: { ids, to: 'ordered', deadline: future } });
    console.log(`bulk transition of 600 cases: ${Date.now() - started} ms`);
    expect(res.status).toBe(200);
    expect(res.json.cases).toHaveLength(600);
    const [row] = await db.select({ n: count() }).from(cases).where(and(inArray(cases.id, ids), eq(cases.state, 'ordered')));
    expect(row!.n).toBe(600);
    // Written set-based (lib/cases/transition.ts): still one event and one audit event per case, in this transaction.
    const [events] = await db.select({ n: count() }).from(caseEvents).where(and(inArray(caseEvents.caseId, ids), eq(caseEvents.toState, 'ordered'), eq(caseEvents.revision, 2)));
    expect(events!.n).toBe(600);
    const [audits] = await queryRows<{ n: number }>(db, sql`SELECT count(DISTINCT entity_id)::int AS n FROM audit_events WHERE action = 'case.ordered' AND entity_type = 'case' AND entity_id = ANY(${`{${ids.join(',')}}`}::text[])`);
    expect(audits!.n).toBe(600);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const tooMany = await callRoute(transitionMany, { method: 'POST', path: '/api/v1/cases/transitions', token: inspector, body: { ids: Array.from({ length: 5001 }, (_, i) => i + 1), to: 'ordered', deadline: future } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.fields.ids).toMatch(/At most 5,000 cases/);
  }, 180_000);
});

describe('the audit trail', () => {
  it('holds an event per transition, chained; an edit made with the trigger off is caught', async () => {
    const before = await verifyAuditChain(handle.db);
    expect(before.ok).toBe(true);
    expect(before.events).toBeGreaterThan(10);
    await handle.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await handle.db.execute(sql`UPDATE audit_events SET action = 'case.verified' WHERE seq = 3`);
    await handle.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    const after = await verifyAuditChain(handle.db);
    expect(after).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
