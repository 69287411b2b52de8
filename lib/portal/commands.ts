import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, queryRows, type Tx } from '@/db/client';
import { caseEvents, caseExtensions, cases, findings, portalActionEvidence, portalActions, portalUploads } from '@/db/schema';
import type { Actor, ScopedActor } from '@/lib/auth/actor';
import { caseInScope } from '@/lib/auth/scope';
import { recordAudit } from '@/lib/audit';
import { CLOSED_STATES } from '@/lib/cases/ladder';
import { transitionCase } from '@/lib/cases/transition';
import { conflict, notFound, unprocessable } from '@/lib/http/errors';
import { addDays, officeToday } from '@/lib/time';
import { lastOrderedAtSql } from './read';

/** An action as its contact sees it (the documented `action` of the portal's answers): never who at the office decided it, nor internal ids. */
const CONTACT_ACTION = {
  id: portalActions.id, caseId: portalActions.caseId, kind: portalActions.kind, status: portalActions.status, findingId: portalActions.findingId, until: portalActions.until,
  version: portalActions.version, body: portalActions.body, decisionReason: portalActions.decisionReason, createdAt: portalActions.createdAt, decidedAt: portalActions.decidedAt,
};
import { EXTENSION_MAX_DAYS, type ExtensionBody, type ExtensionRequestBody, type ObjectionBody, type ReportBody } from './schemas';

type CaseRow = typeof cases.$inferSelect;
const DEADLINE_STATES = ['ordered', 'notified'] as const;

/** The contact's case, locked for this transaction; another operator's case is 404. */
async function lockScopedCase(tx: Tx, actor: ScopedActor, id: number): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, id), caseInScope(actor, sql`${cases.id}`))).for('update');
  if (!row) throw notFound('Case', id);
  return row;
}

function needsDeadlineState(row: CaseRow, what: string) {
  if (!(DEADLINE_STATES as readonly string[]).includes(row.state)) {
    throw unprocessable(`Only an ordered or notified case can ${what}; case ${row.id} is ${row.state}.`, { state: `The case is ${row.state}.` });
  }
}

/** Files the contact attaches must be ones it uploaded itself (never another's file by its hash). */
async function checkOwnUploads(tx: Tx, actor: ScopedActor, shas: string[]) {
  if (!shas.length) return;
  const mine = await tx.select({ sha256: portalUploads.sha256 }).from(portalUploads).where(and(eq(portalUploads.userId, actor.id), inArray(portalUploads.sha256, shas)));
  const have = new Set(mine.map((r) => r.sha256));
  const missing = shas.findIndex((s) => !have.has(s));
  if (missing >= 0) throw unprocessable('Attach files you uploaded (POST /api/portal/v1/evidence) first.', { [`evidence.${missing}`]: 'Not a file you uploaded.' });
}

async function attach(tx: Tx, actionId: number, shas: string[]) {
  const unique = [...new Set(shas)];
  if (unique.length) await tx.insert(portalActionEvidence).values(unique.map((sha256) => ({ actionId, sha256 })));
}

/** The contact acknowledges the order it received (once per order). */
export async function acknowledgeOrder(actor: ScopedActor, caseId: number) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockScopedCase(tx, actor, caseId);
    needsDeadlineState(row, 'be acknowledged');
    const [done] = await queryRows<{ yes: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM portal_actions a WHERE a.case_id = ${caseId} AND a.kind = 'acknowledge' AND a.created_at >= coalesce(${lastOrderedAtSql(caseId)}, '-infinity'::timestamptz)) AS yes`,
    );
    if (done?.yes) throw conflict(`The order on case ${caseId} was already acknowledged.`, { case: 'Already acknowledged.' });
    const [action] = await tx.insert(portalActions).values({ caseId, kind: 'acknowledge', contactUserId: actor.id, status: 'done' }).returning(CONTACT_ACTION);
    await recordAudit(tx, actor, { action: 'portal.acknowledge', entityType: 'case', entityId: caseId, after: { actionId: action!.id, state: row.state, deadline: row.deadline } });
    return action!;
  });
}

/** The contact reports the fix: the case moves to `rectified` through the ladder, the contact its actor. */
export async function reportFix(actor: ScopedActor, caseId: number, body: ReportBody) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockScopedCase(tx, actor, caseId);
    await checkOwnUploads(tx, actor, body.evidence);
    const after = await transitionCase(tx, actor, caseId, row.revision, { to: 'rectified', input: { reason: body.description, version: body.version }, evidence: body.evidence });
    const [event] = await tx.select({ id: caseEvents.id }).from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.revision, after.revision)));
    const [action] = await tx
      .insert(portalActions)
      .values({ caseId, kind: 'report', contactUserId: actor.id, version: body.version, body: body.description, caseEventId: event!.id, status: 'done' })
      .returning(CONTACT_ACTION);
    await attach(tx, action!.id, body.evidence);
    await recordAudit(tx, actor, { action: 'portal.report', entityType: 'case', entityId: caseId, after: { actionId: action!.id, version: body.version, evidence: body.evidence } });
    return { action: action!, case: { id: after.id, state: after.state, revision: after.revision } };
  });
}

function checkNewDeadline(row: CaseRow, until: string, today: string) {
  if (row.deadline && until <= row.deadline) throw unprocessable(`The new date must be after the current deadline (${row.deadline}).`, { until: `After ${row.deadline}.` });
  if (until <= today) throw unprocessable('The new date must be after today.', { until: 'After today.' });
  const latest = addDays(today, EXTENSION_MAX_DAYS);
  if (until > latest) throw unprocessable(`The new date may be at most ${EXTENSION_MAX_DAYS} days ahead (${latest}).`, { until: `At most ${latest}.` });
}

/** The contact asks for more time; a supervisor grants or refuses. One open request per case. */
export async function requestExtension(actor: ScopedActor, caseId: number, body: ExtensionRequestBody, today = officeToday()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockScopedCase(tx, actor, caseId);
    needsDeadlineState(row, 'have its deadline extended');
    checkNewDeadline(row, body.until, today);
    const [open] = await tx.select({ id: portalActions.id }).from(portalActions).where(and(eq(portalActions.caseId, caseId), eq(portalActions.kind, 'extension'), eq(portalActions.status, 'pending'))).limit(1);
    if (open) throw conflict(`Case ${caseId} already has a request for more time waiting for a decision.`, { until: 'A request is already waiting.' });
    const [action] = await tx.insert(portalActions).values({ caseId, kind: 'extension', contactUserId: actor.id, until: body.until, body: body.reason, status: 'pending' }).returning(CONTACT_ACTION);
    await recordAudit(tx, actor, { action: 'portal.extension_request', entityType: 'case', entityId: caseId, after: { actionId: action!.id, until: body.until, deadline: row.deadline } });
    return action!;
  });
}

/** The contact objects to a finding of an open case, with evidence; a supervisor upholds the finding or withdraws the case. */
export async function objectToFinding(actor: ScopedActor, caseId: number, body: ObjectionBody) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockScopedCase(tx, actor, caseId);
    if (CLOSED_STATES.includes(row.state)) throw unprocessable(`Case ${caseId} is closed (${row.state}).`, { state: `The case is ${row.state}.` });
    const [finding] = await tx.select({ id: findings.id }).from(findings).where(and(eq(findings.id, body.findingId), eq(findings.inspectionId, row.inspectionId)));
    if (!finding) throw unprocessable(`Finding ${body.findingId} is not a finding of case ${caseId}.`, { findingId: 'Not a finding of this case.' });
    await checkOwnUploads(tx, actor, body.evidence);
    const [open] = await tx.select({ id: portalActions.id }).from(portalActions).where(and(eq(portalActions.findingId, body.findingId), eq(portalActions.status, 'pending'))).limit(1);
    if (open) throw conflict(`An objection to finding ${body.findingId} is already waiting for a decision.`, { findingId: 'An objection is already waiting.' });
    const [action] = await tx.insert(portalActions).values({ caseId, kind: 'objection', contactUserId: actor.id, findingId: body.findingId, body: body.reason, status: 'pending' }).returning(CONTACT_ACTION);
    await attach(tx, action!.id, body.evidence);
    await recordAudit(tx, actor, { action: 'portal.objection', entityType: 'case', entityId: caseId, after: { actionId: action!.id, findingId: body.findingId, evidence: body.evidence } });
    return action!;
  });
}

/**
 * Extends an ordered or notified case's deadline (DESIGN §3) inside the caller's transaction: the case
 * keeps its state; the extension is an event on its timeline, audited.
 */
export async function extendDeadline(tx: Tx, actor: Actor, caseId: number, body: ExtensionBody, portalActionId: number | null = null, today = officeToday()) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) throw notFound('Case', caseId);
  needsDeadlineState(row, 'have its deadline extended');
  checkNewDeadline(row, body.until, today);
  await tx.update(cases).set({ deadline: body.until, updatedAt: sql`now()` }).where(eq(cases.id, caseId));
  const [ext] = await tx
    .insert(caseExtensions)
    .values({ caseId, fromDeadline: row.deadline!, until: body.until, reason: body.reason, actorUserId: actor.kind === 'user' ? actor.id : null, actorTokenId: actor.kind === 'token' ? actor.id : null, portalActionId })
    .returning();
  await recordAudit(tx, actor, { action: 'case.extend', entityType: 'case', entityId: caseId, before: { deadline: row.deadline }, after: { deadline: body.until, reason: body.reason, portalActionId } });
  return ext!;
}

/** A supervisor extends a deadline directly (POST /api/v1/cases/{id}/extension). */
export async function extendCase(actor: Actor, caseId: number, body: ExtensionBody) {
  const db = await getDb();
  return db.transaction((tx) => extendDeadline(tx, actor, caseId, body));
}
