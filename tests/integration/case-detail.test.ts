import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditEvents, evidence, findingEvidence, findings, settings, storeListings } from '../../db/schema';
import { GET as detailRoute } from '../../app/api/v1/cases/[id]/route';
import { POST as transitionOne } from '../../app/api/v1/cases/[id]/transitions/route';
import { GET as getDeadline, PUT as putDeadline } from '../../app/api/v1/settings/default-deadline/route';
import { addDays, officeToday } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { getCase, makeCase, makeSubject, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let inspector: string;
let supervisor: string;
let admin: string;
const today = officeToday();
const SHA = 'a'.repeat(64);

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [inspector, supervisor, admin] = await Promise.all([createToken('inspector'), createToken('supervisor'), createToken('admin')]);
});
afterAll(teardownTestDatabase);

const move = (id: number, token: string, body: object) =>
  callRoute(transitionOne, { method: 'POST', path: `/api/v1/cases/${id}/transitions`, params: { id: String(id) }, token, body });
const detail = (id: number | string, token: string | null = inspector) =>
  callRoute(detailRoute, { path: `/api/v1/cases/${id}`, params: { id: String(id) }, token: token ?? undefined });

describe('GET /api/v1/cases/{id}', () => {
  it('returns the case with subject, operator, inspection, findings with evidence, events, re-tests and takedowns', async () => {
    const subject = await makeSubject({ kind: 'mini_program', platform: 'wechat', name: '扫码点餐' });
    await handle.db.insert(storeListings).values({ subjectId: subject.id, store: 'wechat' });
    const c = await makeCase({ subjectId: subject.id, categories: ['collect_excessive', 'rules_undisclosed'] });
    await handle.db.insert(evidence).values({ sha256: SHA, byteSize: 2048, mediaType: 'image/png', originalName: 'shot.png' });
    const [f] = await handle.db.select().from(findings).where(eq(findings.category, 'rules_undisclosed'));
    await handle.db.insert(findingEvidence).values({ findingId: f!.id, sha256: SHA });

    expect((await move(c.id, inspector, { to: 'ordered', deadline: addDays(today, 5), expectedRevision: 1 })).status).toBe(200);
    expect((await move(c.id, inspector, { to: 'rectified', reason: '已整改', version: '1.0.1', expectedRevision: 2, evidence: [SHA] })).status).toBe(200);
    expect((await move(c.id, inspector, { to: 'ordered', version: '1.0.1', deadline: addDays(today, 9), reason: '复测未通过', expectedRevision: 3 })).status).toBe(200);

    const res = await detail(c.id);
    expect(res.status).toBe(200);
    const d = res.json;
    expect(d.case).toMatchObject({ id: c.id, state: 'ordered', revision: 4, deadline: addDays(today, 9), overdue: false });
    expect(d.subject).toMatchObject({ id: subject.id, name: '扫码点餐', kind: 'mini_program' });
    expect(d.operator.uscc).toHaveLength(18);
    expect(d.inspection).toMatchObject({ version: '1.0.0', method: 'technical_test' });
    expect(d.findings.map((x: { category: string }) => x.category).sort()).toEqual(['collect_excessive', 'rules_undisclosed']);
    const withFile = d.findings.find((x: { category: string }) => x.category === 'rules_undisclosed');
    expect(withFile.evidence).toEqual([{ sha256: SHA, byteSize: 2048, mediaType: 'image/png', originalName: 'shot.png' }]);
    expect(d.events.map((e: { toState: string }) => e.toState)).toEqual(['open', 'ordered', 'rectified', 'ordered']);
    expect(d.events[1]).toMatchObject({ actorName: 'test inspector', actorKind: 'token', deadline: addDays(today, 5), revision: 2 });
    expect(d.events[2].evidence.map((e: { sha256: string }) => e.sha256)).toEqual([SHA]);
    expect(d.retests).toEqual([expect.objectContaining({ version: '1.0.1', result: 'failed' })]);
    expect(d.stores).toEqual([{ store: 'wechat', versionSeen: null }]);
    expect(d.previousCase).toBeNull();
    expect(d.laterCases).toEqual([]);
  });

  it('records takedowns of a direct removal', async () => {
    const c = await makeCase();
    await handle.db.execute(`UPDATE cases SET state = 'notified', deadline = '2026-01-01', first_ordered_at = now(), first_notified_at = now(), revision = 3 WHERE id = ${c.id}`);
    const res = await move(c.id, supervisor, { to: 'removed', reason: '拒不整改', takedownStores: ['wechat'], expectedRevision: 3 });
    expect(res.status).toBe(200);
    const d = (await detail(c.id)).json;
    expect(d.takedowns).toEqual([expect.objectContaining({ store: 'wechat', takenDownOn: today, note: '拒不整改' })]);
  });

  it('is readable by an admin; 404 for a missing case, 400 for a bad id, 401 without credentials', async () => {
    const c = await makeCase();
    expect((await detail(c.id, admin)).status).toBe(200);
    expect((await detail(999999)).status).toBe(404);
    expect((await detail('abc')).status).toBe(400);
    expect((await detail(c.id, null)).status).toBe(401);
  });
});

describe('recurrence', () => {
  it('links a new case to the verified earlier case of the same subject and category; the closed case is untouched', async () => {
    const subject = await makeSubject();
    const first = await makeCase({ subjectId: subject.id, categories: ['permission_forced'] });
    await move(first.id, inspector, { to: 'ordered', deadline: addDays(today, 3), expectedRevision: 1 });
    await move(first.id, inspector, { to: 'rectified', reason: '已整改', version: '1.1', expectedRevision: 2 });
    await move(first.id, inspector, { to: 'verified', version: '1.1', expectedRevision: 3 });
    const closed = await getCase(first.id);

    const other = await makeCase({ subjectId: subject.id, categories: ['autostart'] });
    expect(other.previousCaseId).toBeNull();
    const again = await makeCase({ subjectId: subject.id, categories: ['permission_forced', 'deceptive'] });
    expect(again.previousCaseId).toBe(first.id);
    expect(again.state).toBe('open');
    expect(await getCase(first.id)).toEqual(closed);

    const later = (await detail(first.id)).json;
    expect(later.laterCases).toEqual([expect.objectContaining({ id: again.id, state: 'open' })]);
    const earlier = (await detail(again.id)).json;
    expect(earlier.previousCase).toMatchObject({ id: first.id, state: 'verified' });
    expect(earlier.events[0].reason).toBe(`Recurrence of case ${first.id}`);
  });
});

describe('the default deadline setting', () => {
  const put = (token: string | undefined, body: unknown) =>
    callRoute(putDeadline, { method: 'PUT', path: '/api/v1/settings/default-deadline', token, body });

  it('lets an admin change it (audited), and ordering uses it', async () => {
    expect((await callRoute(getDeadline, { path: '/api/v1/settings/default-deadline', token: inspector })).json).toEqual({ days: 7 });
    const res = await put(admin, { days: 15 });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ days: 15, previous: 7 });
    const [row] = await handle.db.select().from(settings).where(eq(settings.key, 'default_deadline_days'));
    expect(row!.value).toBe('15');
    const audits = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.default_deadline_days'));
    expect(audits.at(-1)).toMatchObject({ before: { days: 7 }, after: { days: 15 } });
    const c = await makeCase();
    const ordered = await move(c.id, inspector, { to: 'ordered', expectedRevision: 1 });
    expect(ordered.json.case.deadline).toBe(addDays(today, 15));
    expect((await put(admin, { days: 7 })).status).toBe(200);
  });

  it('refuses values outside 1–90 naming the field, and other roles', async () => {
    for (const days of [0, 91, 2.5, 'seven']) {
      const res = await put(admin, { days });
      expect(res.status).toBe(400);
      expect(res.json.error.fields).toHaveProperty('days');
    }
    expect((await put(admin, {})).status).toBe(400);
    expect((await put(supervisor, { days: 10 })).status).toBe(403);
    expect((await put(inspector, { days: 10 })).status).toBe(403);
    expect((await put(undefined, { days: 10 })).status).toBe(401);
  });
});
