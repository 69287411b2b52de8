import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { caseEventEvidence, caseEvents, cases, retests, takedowns } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { conflict, notFound } from '@/lib/http/errors';
import { refreshOffenderFlags } from '@/lib/offenders/refresh';
import { notifyCaseContacts } from '@/lib/portal/messages';
import { getDefaultDeadlineDays } from '@/lib/settings';
import { addDays, officeToday } from '@/lib/time';
import { checkTransition, CLOSED_STATES, type CaseState, type Channel, type TransitionInput } from './ladder';
import { TransitionRefusedError, type RefusalDetail } from './refusals';

export type CaseRow = typeof cases.$inferSelect;

export interface TransitionRequest {
  to: CaseState;
  input: TransitionInput;
  /** Evidence (SHA-256 of stored files) supporting the transition. */
  evidence?: string[];
  channel?: Channel;
  noticeId?: number;
}

/** What changes on the case row for each target state. */
function effects(current: CaseRow, to: CaseState, input: TransitionInput): PgUpdateSetSource<typeof cases> {
  const first = (column: AnyPgColumn) => sql`coalesce(${column}, now())`;
  switch (to) {
    case 'ordered':
      return { deadline: input.deadline, firstOrderedAt: first(cases.firstOrderedAt), ...(current.state === 'rectified' ? { retestVersion: input.version } : {}) };
    case 'rectified':
      return { claimedVersion: input.version };
    case 'verified':
    case 'reinstated':
      return { retestVersion: input.version, closedAt: sql`now()` };
    case 'notified':
      return { deadline: input.deadline ?? current.deadline, firstNotifiedAt: first(cases.firstNotifiedAt) };
    case 'removed':
      return { firstRemovedAt: first(cases.firstRemovedAt) };
    case 'withdrawn':
      return { closedAt: sql`now()` };
    default:
      return {};
  }
}

/** Fills what the office defaults: a deadline of the configured number of days when ordering. */
async function withDefaults(tx: Tx, current: CaseRow, req: TransitionRequest, today: string): Promise<TransitionInput> {
  if (req.to === 'ordered' && current.state === 'open' && !req.input.deadline) {
    return { ...req.input, deadline: addDays(today, await getDefaultDeadlineDays(tx)) };
  }
  return req.input;
}

/** States whose entry or exit can change a repeat-offender rule's verdict (DESIGN §4). */
const FLAG_STATES: readonly CaseState[] = [...CLOSED_STATES, 'removed'];
const touchesFlags = (from: CaseState, to: CaseState) => FLAG_STATES.includes(from) || FLAG_STATES.includes(to);

/**
 * Moves one case, inside the caller's transaction: checks the ladder, updates the row only if its
 * revision is still `expectedRevision` (else 409), and records the event, the re-test or takedowns,
 * and the audit event, then refreshes the repeat-offender flags of the subject when the move can
 * change them. Throws HttpError on refusal; nothing is written then.
 */
export async function transitionCase(
  tx: Tx,
  actor: Actor,
  caseId: number,
  expectedRevision: number,
  req: TransitionRequest,
  today = officeToday(),
): Promise<CaseRow> {
  const { before, after } = await applyTransition(tx, actor, caseId, expectedRevision, req, today);
  if (touchesFlags(before, after.state)) await refreshOffenderFlags(tx, { subjectIds: [after.subjectId] });
  return after;
}

async function applyTransition(
  tx: Tx,
  actor: Actor,
  caseId: number,
  expectedRevision: number,
  req: TransitionRequest,
  today: string,
): Promise<{ before: CaseState; after: CaseRow }> {
  const [current] = await tx.select().from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!current) throw notFound('Case', caseId);
  if (current.revision !== expectedRevision) {
    const stale = { [caseId]: { key: 'stale', params: { revision: String(current.revision) } } } satisfies Record<string, RefusalDetail>;
    throw new TransitionRefusedError(409, 'conflict', `Case ${caseId} changed meanwhile (now revision ${current.revision}, you had ${expectedRevision}); reload it.`, {
      expectedRevision: `Case ${caseId} is at revision ${current.revision}.`,
    }, stale, req.to);
  }
  const input = await withDefaults(tx, current, req, today);
  const channel = req.channel ?? 'direct';
  const verdict = checkTransition({ from: current.state, to: req.to, role: actor.role, channel, input, currentDeadline: current.deadline, today });
  if (!verdict.ok) {
    throw new TransitionRefusedError(verdict.status, verdict.code === 'role' ? 'forbidden' : 'transition_refused', `Case ${caseId}: ${verdict.message}`, verdict.field ? { [verdict.field]: verdict.message } : undefined, { [caseId]: { key: verdict.key, params: verdict.params } }, req.to);
  }

  const [updated] = await tx
    .update(cases)
    .set({ ...effects(current, req.to, input), state: req.to, revision: current.revision + 1, updatedAt: sql`now()` })
    .where(and(eq(cases.id, caseId), eq(cases.revision, expectedRevision)))
    .returning();
  if (!updated) throw conflict(`Case ${caseId} changed meanwhile; reload it.`, { expectedRevision: `Case ${caseId} was changed by someone else.` });

  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId,
      fromState: current.state,
      toState: req.to,
      actorUserId: actor.kind === 'user' ? actor.id : null,
      actorTokenId: actor.kind === 'token' ? actor.id : null,
      reason: input.reason?.trim() ?? '',
      deadline: req.to === 'ordered' || req.to === 'notified' ? updated.deadline : null,
      version: input.version?.trim() || null,
      noticeId: req.noticeId ?? null,
      revision: updated.revision,
    })
    .returning({ id: caseEvents.id });
  // A new order reaches the operator's contacts (DESIGN §9): a notification and an outbox row, in this transaction.
  if (req.to === 'ordered') await notifyCaseContacts(tx, caseId, 'order', `event:${event!.id}`);
  if (req.evidence?.length) {
    await tx.insert(caseEventEvidence).values([...new Set(req.evidence)].map((sha256) => ({ eventId: event!.id, sha256 })));
  }
  if (verdict.rule.retest) {
    await tx.insert(retests).values({
      caseId,
      eventId: event!.id,
      version: input.version!.trim(),
      result: verdict.rule.retest,
      notes: input.reason?.trim() ?? '',
      testedBy: actor.kind === 'user' ? actor.id : null,
    });
  }
  if (req.to === 'removed' && channel === 'direct') {
    await tx.insert(takedowns).values(
      input.takedownStores!.map((store) => ({ caseId, store, takenDownOn: today, confirmedBy: actor.kind === 'user' ? actor.id : null, note: input.reason?.trim() ?? '' })),
    );
  }
  await recordAudit(tx, actor, {
    action: `case.${req.to}`,
    entityType: 'case',
    entityId: caseId,
    before: { state: current.state, revision: current.revision, deadline: current.deadline },
    after: { state: updated.state, revision: updated.revision, deadline: updated.deadline, reason: input.reason ?? null, version: input.version ?? null, noticeId: req.noticeId ?? null },
  });
  return { before: current.state, after: updated };
}

/**
 * Moves many cases all or nothing. Rows are locked in id order; every refusal is collected and
 * reported together (one field per case), and then nothing is written.
 */
export async function transitionCases(
  tx: Tx,
  actor: Actor,
  items: { caseId: number; expectedRevision?: number }[],
  req: TransitionRequest,
  today = officeToday(),
): Promise<CaseRow[]> {
  const ids = [...new Set(items.map((i) => i.caseId))].sort((a, b) => a - b);
  const rows = await tx.select().from(cases).where(inArray(cases.id, ids)).orderBy(asc(cases.id)).for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: Record<string, string> = {};
  const reasons: Record<string, RefusalDetail> = {};
  let status: 403 | 404 | 409 | 422 = 422;
  for (const item of items) {
    const row = byId.get(item.caseId);
    if (!row) {
      problems[String(item.caseId)] = `Case ${item.caseId} does not exist.`;
      reasons[String(item.caseId)] = { key: 'missing' };
      status = 404;
      continue;
    }
    if (item.expectedRevision !== undefined && item.expectedRevision !== row.revision) {
      problems[String(item.caseId)] = `Case ${item.caseId} changed meanwhile (revision ${row.revision}).`;
      reasons[String(item.caseId)] = { key: 'stale', params: { revision: String(row.revision) } };
      status = 409;
      continue;
    }
    const input = await withDefaults(tx, row, req, today);
    const verdict = checkTransition({ from: row.state, to: req.to, role: actor.role, channel: req.channel ?? 'direct', input, currentDeadline: row.deadline, today });
    if (!verdict.ok) {
      problems[String(item.caseId)] = verdict.message;
      reasons[String(item.caseId)] = { key: verdict.key, params: verdict.params };
      if (verdict.status === 403) status = 403;
    }
  }
  const refused = Object.keys(problems);
  if (refused.length) {
    throw new TransitionRefusedError(status, status === 403 ? 'forbidden' : status === 409 ? 'conflict' : status === 404 ? 'not_found' : 'transition_refused', `Nothing was changed: ${refused.length} of ${items.length} case(s) cannot move to ${req.to} (${refused.join(', ')}).`, problems, reasons, req.to);
  }
  const updated: CaseRow[] = [];
  const touched = new Set<number>();
  for (const id of ids) {
    const { before, after } = await applyTransition(tx, actor, id, byId.get(id)!.revision, req, today);
    if (touchesFlags(before, after.state)) touched.add(after.subjectId);
    updated.push(after);
  }
  // One refresh for the whole batch (a removal notice may name hundreds of cases).
  if (touched.size) await refreshOffenderFlags(tx, { subjectIds: [...touched] });
  return updated;
}
