/**
 * The portal's reads and writes (DESIGN §9, issue #19), in-process: every read and write of a contact
 * is scoped to its operator (another operator's case is 404), acknowledging, reporting a fix through
 * the ladder with the contact as the actor, asking for time and objecting, and the supervisor's
 * decisions and extensions through the staff routes. The same over HTTP with a real contact session:
 * tests/blackbox/portal-access.test.ts and e2e/portal.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type DatabaseHandle } from '../../db/client';
import { caseEvents, caseExtensions, portalUploads, users } from '../../db/schema';
import { POST as extensionRoute } from '../../app/api/v1/cases/[id]/extension/route';
import { POST as decisionRoute } from '../../app/api/v1/portal-requests/[id]/decision/route';
import { GET as queuesRoute } from '../../app/api/v1/portal-requests/route';
import type { ScopedActor } from '../../lib/auth/actor';
import { transitionCase } from '../../lib/cases/transition';
import { storeEvidence } from '../../lib/evidence/store';
import { acknowledgeOrder, objectToFinding, reportFix, requestExtension } from '../../lib/portal/commands';
import { activateContact, inviteContact } from '../../lib/portal/contacts';
import { listNotifications } from '../../lib/portal/messages';
import { notifications } from '../../db/schema';
import { MESSAGE_KINDS } from '../../db/schema/messages';
import { getPortalCase, listPortalCases, listPortalSubjects, portalEvidenceAllowed } from '../../lib/portal/read';
import { addDays, officeToday } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { getCase, makeCase, makeSubject, makeUser, withTaxonomies } from '../support/fixtures';
import { makePng } from '../support/png';

let handle: DatabaseHandle;
let supervisor: string;
let inspector: string;
let contact: ScopedActor;
let mine: number[];
let foreign: number;
const deadline = addDays(officeToday(), 10);

async function orderedCase(subjectId: number, categories = ['collect_excessive']) {
  const staff = await makeUser('inspector', '王检查');
  const c = await makeCase({ subjectId, categories, actor: staff });
  const db = await getDb();
  await db.transaction((tx) => transitionCase(tx, staff, c.id, c.revision, { to: 'ordered', input: { deadline } }));
  return c.id;
}

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [supervisor, inspector] = await Promise.all([createToken('supervisor'), createToken('inspector')]);
  const subject = await makeSubject();
  const other = await makeSubject();
  mine = [await orderedCase(subject.id), await orderedCase(subject.id, ['collect_excessive', 'autostart'])];
  foreign = await orderedCase(other.id);
  const boss = await makeUser('supervisor');
  const { contact: invited, activationPath } = await inviteContact(boss, subject.operatorId!, { name: '周婷', email: 'portal-cases@example.cn' });
  await activateContact({ token: new URLSearchParams(activationPath.split('?')[1]).get('token')!, password: 'Portal-Contact-2026!' });
  contact = { kind: 'user', id: invited.id, role: 'operator_contact', name: invited.name, email: invited.email, operatorId: subject.operatorId! };
});
afterAll(teardownTestDatabase);

async function upload(seed: number): Promise<string> {
  const db = await getDb();
  const { row } = await storeEvidence(db, contact, { bytes: makePng(seed, 40, 30), originalName: `fix-${seed}.png` });
  await db.insert(portalUploads).values({ userId: contact.id, sha256: row.sha256 }).onConflictDoNothing();
  return row.sha256;
}
const status = (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

describe('the home page lists', () => {
  it('pages the operator’s cases (open work first) to the last page, with the totals; the subjects say how many there are', async () => {
    const db = await getDb();
    const all = await listPortalCases(db, contact, { limit: 500 });
    expect(all.total).toBe(mine.length);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listPortalCases(db, contact, { cursor, limit: 1 });
      expect(page.total).toBe(mine.length);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(mine.length);
    expect(seen).toEqual(all.items.map((c) => c.id));
    const firstOpen = all.items.findIndex((c) => c.state !== 'ordered' && c.state !== 'notified');
    expect(all.items.slice(0, firstOpen < 0 ? undefined : firstOpen).length).toBe(all.open);
    // Its messages: the latest few, and how many there are (none cut silently).
    await db.insert(notifications).values([1, 2, 3].map((n) => ({ userId: contact.id, caseId: mine[0]!, kind: MESSAGE_KINDS[0], dedupeKey: `paging-test:${n}` })));
    const inbox = await listNotifications(db, contact, 2);
    expect(inbox.items).toHaveLength(2);
    expect(inbox.total).toBeGreaterThanOrEqual(3);
    expect(inbox.unread).toBeGreaterThanOrEqual(3);
    const subjectsShown = await listPortalSubjects(db, contact, 1);
    expect(subjectsShown.items).toHaveLength(1);
    expect(subjectsShown.total).toBeGreaterThanOrEqual(1);
  });
});

describe('row scope', () => {
  it('lists exactly the operator’s cases; another operator’s case is 404 on every read and write', async () => {
    const db = await getDb();
    expect((await listPortalCases(db, contact)).items.map((c) => c.id).sort()).toEqual([...mine].sort());
    expect(await status(getPortalCase(db, contact, foreign))).toBe(404);
    expect(await status(acknowledgeOrder(contact, foreign))).toBe(404);
    expect(await status(reportFix(contact, foreign, { version: '2', description: 'x', evidence: [] }))).toBe(404);
    expect(await status(requestExtension(contact, foreign, { until: addDays(deadline, 5), reason: 'x' }))).toBe(404);
    expect(await status(objectToFinding(contact, foreign, { findingId: 1, reason: 'x', evidence: [] }))).toBe(404);
  });

  it('never shows an inspector’s name or the inspection notes', async () => {
    const detail = await getPortalCase(await getDb(), contact, mine[0]!);
    expect(JSON.stringify(detail)).not.toContain('王检查');
    expect(detail.findings).toHaveLength(1);
    expect(detail.findings[0]).toMatchObject({ category: 'collect_excessive', severity: 'high' });
  });
});

describe('the contact’s actions', () => {
  it('acknowledges once; reports the fix: rectified through the ladder, the contact the actor, in "fixes to verify"', async () => {
    await acknowledgeOrder(contact, mine[0]!);
    expect(await status(acknowledgeOrder(contact, mine[0]!))).toBe(409);
    const someoneElses = (await storeEvidence(await getDb(), await makeUser('inspector'), { bytes: makePng(990, 30, 30), originalName: 'other.png' })).row.sha256;
    const refused = await reportFix(contact, mine[0]!, { version: '2.0', description: '已修复', evidence: [someoneElses] }).catch((e) => e);
    expect(refused.status).toBe(422);
    expect(refused.fields).toHaveProperty(['evidence.0']);
    const sha = await upload(991);
    const { case: after } = await reportFix(contact, mine[0]!, { version: '2.0', description: '已修复', evidence: [sha] });
    expect(after.state).toBe('rectified');
    const [event] = await handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, mine[0]!), eq(caseEvents.toState, 'rectified')));
    expect(event!.actorUserId).toBe(contact.id);
    expect(await portalEvidenceAllowed(await getDb(), contact, sha)).toBe(true);
    expect(await portalEvidenceAllowed(await getDb(), contact, someoneElses)).toBe(false);
    const queues = await callRoute(queuesRoute, { path: '/api/v1/portal-requests', token: inspector });
    expect(queues.json.fixesToVerify.find((c: { id: number }) => c.id === mine[0])).toMatchObject({ viaPortal: true, detail: '2.0' });
  });

  it('asks for more time; a supervisor grants it (the deadline moves, the state stays) — once', async () => {
    expect(await status(requestExtension(contact, mine[1]!, { until: deadline, reason: '需要时间' }))).toBe(422);
    expect(await status(requestExtension(contact, mine[1]!, { until: addDays(officeToday(), 400), reason: '需要时间' }))).toBe(422);
    const until = addDays(deadline, 14);
    const asked = await requestExtension(contact, mine[1]!, { until, reason: '需要时间' });
    expect(await status(requestExtension(contact, mine[1]!, { until, reason: '再次' }))).toBe(409);
    const path = `/api/v1/portal-requests/${asked.id}/decision`;
    expect((await callRoute(decisionRoute, { method: 'POST', path, token: inspector, params: { id: String(asked.id) }, body: { decision: 'grant', reason: 'ok' } })).status).toBe(403);
    expect((await callRoute(decisionRoute, { method: 'POST', path, token: supervisor, params: { id: String(asked.id) }, body: { decision: 'uphold', reason: 'ok' } })).status).toBe(422);
    const granted = await callRoute(decisionRoute, { method: 'POST', path, token: supervisor, params: { id: String(asked.id) }, body: { decision: 'grant', reason: '同意' } });
    expect(granted.status).toBe(200);
    expect(granted.json.action).toMatchObject({ status: 'granted', decisionReason: '同意' });
    const c = await getCase(mine[1]!);
    expect(c).toMatchObject({ state: 'ordered', deadline: until });
    expect((await callRoute(decisionRoute, { method: 'POST', path, token: supervisor, params: { id: String(asked.id) }, body: { decision: 'refuse', reason: 'x' } })).status).toBe(409);
    const [ext] = await handle.db.select().from(caseExtensions).where(eq(caseExtensions.caseId, mine[1]!));
    expect(ext).toMatchObject({ fromDeadline: deadline, until, portalActionId: asked.id });
  });

  it('a supervisor extends a deadline directly; an inspector may not; the date must be later', async () => {
    const id = String(mine[1]);
    const call = (token: string, until: string) => callRoute(extensionRoute, { method: 'POST', path: `/api/v1/cases/${id}/extension`, token, params: { id }, body: { until, reason: '专项延期' } });
    expect((await call(inspector, addDays(deadline, 30))).status).toBe(403);
    const early = await call(supervisor, deadline);
    expect(early.status).toBe(422);
    expect(early.json.error.fields.until).toBeDefined();
    expect((await call(supervisor, addDays(deadline, 30))).status).toBe(201);
    expect((await getCase(mine[1]!)).deadline).toBe(addDays(deadline, 30));
  });

  it('objects to a finding; the supervisor upholds it, or withdraws the case', async () => {
    const detail = await getPortalCase(await getDb(), contact, mine[1]!);
    const otherFinding = (await getPortalCase(await getDb(), contact, mine[0]!)).findings[0]!.id;
    expect(await status(objectToFinding(contact, mine[1]!, { findingId: otherFinding, reason: 'x', evidence: [] }))).toBe(422);
    const [a, b] = detail.findings;
    const first = await objectToFinding(contact, mine[1]!, { findingId: a!.id, reason: '误报', evidence: [await upload(992)] });
    expect(await status(objectToFinding(contact, mine[1]!, { findingId: a!.id, reason: '再次', evidence: [] }))).toBe(409);
    const decide = (id: number, decision: string) => callRoute(decisionRoute, { method: 'POST', path: `/api/v1/portal-requests/${id}/decision`, token: supervisor, params: { id: String(id) }, body: { decision, reason: '复核' } });
    expect((await decide(first.id, 'uphold')).json.action.status).toBe('finding_upheld');
    expect((await getCase(mine[1]!)).state).toBe('ordered');
    const second = await objectToFinding(contact, mine[1]!, { findingId: b!.id, reason: '误报', evidence: [] });
    expect((await decide(second.id, 'withdraw')).json.action.status).toBe('case_withdrawn');
    expect((await getCase(mine[1]!)).state).toBe('withdrawn');
    const seen = await getPortalCase(await getDb(), contact, mine[1]!);
    expect(seen.actions.map((x) => [x.kind, x.status, x.decisionReason])).toEqual(expect.arrayContaining([['objection', 'finding_upheld', '复核'], ['objection', 'case_withdrawn', '复核']]));
  });

  it('lists orders not acknowledged 3 days after they were given, for operators with an active contact', async () => {
    const subject = (await handle.db.select({ subjectId: sql<number>`subject_id` }).from(sql`cases`).where(sql`id = ${mine[0]}`))[0]!.subjectId;
    const late = await orderedCase(subject);
    await handle.db.execute(sql`UPDATE case_events SET at = now() - interval '4 days' WHERE case_id = ${late}`);
    const listed = async () => (await callRoute(queuesRoute, { path: '/api/v1/portal-requests', token: inspector })).json.unacknowledged.map((c: { id: number }) => c.id);
    expect(await listed()).toContain(late);
    expect(await listed()).not.toContain(foreign); // its operator has no contact
    await acknowledgeOrder(contact, late);
    expect(await listed()).not.toContain(late);
    await handle.db.update(users).set({ disabledAt: sql`now()` }).where(eq(users.id, contact.id));
  });
});

describe('messages to the contact', () => {
  it('a new order, a deadline near, an overdue case and a decision each make one notification and one outbox row', async () => {
    const { notifyCaseContacts, sweepDeadlineMessages } = await import('../../lib/portal/messages');
    const db = await getDb();
    await handle.db.update(users).set({ disabledAt: null }).where(eq(users.id, contact.id));
    const subject = (await handle.db.select({ subjectId: sql<number>`subject_id` }).from(sql`cases`).where(sql`id = ${mine[0]}`))[0]!.subjectId;
    const fresh = await orderedCase(subject);
    const rows = async () => (await handle.db.execute(sql`SELECT n.kind, n.case_id, o.recipient, o.subject, o.body, o.sent_at FROM notifications n JOIN message_outbox o ON o.notification_id = n.id WHERE n.user_id = ${contact.id} AND n.case_id = ${fresh} ORDER BY n.id`) as unknown as { rows: { kind: string; recipient: string; subject: string; body: string; sent_at: null }[] }).rows;
    expect((await rows()).map((r) => r.kind)).toEqual(['order']);
    expect((await rows())[0]).toMatchObject({ recipient: 'portal-cases@example.cn', sent_at: null });
    expect((await rows())[0]!.body).toContain(`/portal/cases/${fresh}`);
    // The deadline is 10 days away: nothing yet; three days before it: one reminder, however often the sweep runs.
    await sweepDeadlineMessages(db, { today: addDays(officeToday(), 1) });
    expect((await rows()).map((r) => r.kind)).toEqual(['order']);
    await sweepDeadlineMessages(db, { today: addDays(officeToday(), 7) });
    await sweepDeadlineMessages(db, { today: addDays(officeToday(), 8) });
    expect((await rows()).map((r) => r.kind)).toEqual(['order', 'deadline_soon']);
    await sweepDeadlineMessages(db, { today: addDays(officeToday(), 11) });
    await sweepDeadlineMessages(db);
    expect((await rows()).map((r) => r.kind)).toEqual(['order', 'deadline_soon', 'overdue']);
    await db.transaction((tx) => notifyCaseContacts(tx, fresh, 'decision', 'action:test', '同意'));
    await db.transaction((tx) => notifyCaseContacts(tx, fresh, 'decision', 'action:test', '同意'));
    expect((await rows()).map((r) => r.kind)).toEqual(['order', 'deadline_soon', 'overdue', 'decision']);
    // Another operator's case tells nobody here.
    const before = (await handle.db.execute(sql`SELECT count(*)::int AS n FROM message_outbox`) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    await orderedCase((await makeSubject()).id);
    expect((await handle.db.execute(sql`SELECT count(*)::int AS n FROM message_outbox`) as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(before);
  });
});
