import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { inChunks, intArray } from '@/db/params';
import { caseEventEvidence, caseEvents, cases, retests, takedowns } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudits } from '@/lib/audit';
import { conflict, notFound } from '@/lib/http/errors';
import { refreshOffenderFlags } from '@/lib/offenders/refresh';
import { notifyCasesContacts } from '@/lib/portal/messages';
import { getDefaultDeadlineDays } from '@/lib/settings';
import { addDays, officeToday } from '@/lib/time';
import { checkTransition, CLOSED_STATES, type Allowed, type CaseState, type Channel, type TransitionInput } from './ladder';
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
async function withDefaults(current: CaseRow, req: TransitionRequest, today: string, defaultDays: () => Promise<number>): Promise<TransitionInput> {
  if (req.to === 'ordered' && current.state === 'open' && !req.input.deadline) {
    return { ...req.input, deadline: addDays(today, await defaultDays()) };
  }
  return req.input;
}

/** The office's default deadline, read at most once per call (a bulk move of 600 cases reads it once). */
function defaultDaysOnce(tx: Tx): () => Promise<number> {
  let days: Promise<number> | undefined;
  return () => (days ??= getDefaultDeadlineDays(tx));
}

/** States whose entry or exit can change a repeat-offender rule's verdict (DESIGN §4). */
const FLAG_STATES: readonly CaseState[] = [...CLOSED_STATES, 'removed'];
const touchesFlags = (from: CaseState, to: CaseState) => FLAG_STATES.includes(from) || FLAG_STATES.includes(to);

/** A case's move the ladder allowed: the row as read, the input with the office's defaults, the rule. */
interface Move {
  current: CaseRow;
  input: TransitionInput;
  rule: Allowed['rule'];
}


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
  const [current] = await tx.select().from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!current) throw notFound('Case', caseId);
  if (current.revision !== expectedRevision) {
    const stale = { [caseId]: { key: 'stale', params: { revision: String(current.revision) } } } satisfies Record<string, RefusalDetail>;
    throw new TransitionRefusedError(409, 'conflict', `Case ${caseId} changed meanwhile (now revision ${current.revision}, you had ${expectedRevision}); reload it.`, {
      expectedRevision: `Case ${caseId} is at revision ${current.revision}.`,
    }, stale, req.to);
  }
  const input = await withDefaults(current, req, today, defaultDaysOnce(tx));
  const verdict = checkTransition({ from: current.state, to: req.to, role: actor.role, channel: req.channel ?? 'direct', input, currentDeadline: current.deadline, today });
  if (!verdict.ok) {
    throw new TransitionRefusedError(verdict.status, verdict.code === 'role' ? 'forbidden' : 'transition_refused', `Case ${caseId}: ${verdict.message}`, verdict.field ? { [verdict.field]: verdict.message } : undefined, { [caseId]: { key: verdict.key, params: verdict.params } }, req.to);
  }
  const [after] = await writeMoves(tx, actor, [{ current, input, rule: verdict.rule }], req, today);
  if (touchesFlags(current.state, after!.state)) await refreshOffenderFlags(tx, { subjectIds: [after!.subjectId] });
  return after!;
}

/**
 * Writes moves the ladder allowed, set-based: one UPDATE of the cases per kind of change (each row
 * only if its revision is still the one read, else 409 and the caller's transaction rolls back), then
 * the events, the operators' notifications, evidence links, re-tests, takedowns and one audit event
 * per case, each table in one statement (per ROWS_PER_STATEMENT rows), in case-id order as the moves
 * come. Returns the updated rows in the moves' order.
 */
async function writeMoves(tx: Tx, actor: Actor, moves: readonly Move[], req: TransitionRequest, today: string): Promise<CaseRow[]> {
  const channel = req.channel ?? 'direct';
  const actorUserId = actor.kind === 'user' ? actor.id : null;
  const actorTokenId = actor.kind === 'token' ? actor.id : null;

  // effects() reads the row only through its state and deadline, and the input: moves alike in those share one UPDATE.
  const alike = new Map<string, Move[]>();
  for (const move of moves) {
    const key = JSON.stringify([move.current.state, move.current.deadline, move.input]);
    const group = alike.get(key);
    if (group) group.push(move);
    else alike.set(key, [move]);
  }
  const updatedById = new Map<number, CaseRow>();
  for (const group of alike.values()) {
    const { current, input } = group[0]!;
    for (const part of inChunks(group)) {
      const rows = await tx
        .update(cases)
        .set({ ...effects(current, req.to, input), state: req.to, revision: sql`${cases.revision} + 1`, updatedAt: sql`now()` })
        // Two arrays, not a list of (id, revision) pairs: PGlite 0.5 matches nothing when such a list has more than 256 pairs.
        .where(sql`(${cases.id}, ${cases.revision}) IN (SELECT * FROM unnest(${intArray(part.map((m) => m.current.id))}, ${intArray(part.map((m) => m.current.revision))}))`)
        .returning();
      for (const row of rows) updatedById.set(row.id, row);
    }
  }
  const lost = moves.find((m) => !updatedById.has(m.current.id));
  if (lost) throw conflict(`Case ${lost.current.id} changed meanwhile; reload it.`, { expectedRevision: `Case ${lost.current.id} was changed by someone else.` });
  const updated = moves.map((m) => updatedById.get(m.current.id)!);

  const eventIds = new Map<number, number>();
  for (const part of inChunks(moves)) {
    const rows = await tx
      .insert(caseEvents)
      .values(
        part.map(({ current, input }) => {
          const after = updatedById.get(current.id)!;
          return {
            caseId: current.id,
            fromState: current.state,
            toState: req.to,
            actorUserId,
            actorTokenId,
            reason: input.reason?.trim() ?? '',
            deadline: req.to === 'ordered' || req.to === 'notified' ? after.deadline : null,
            version: input.version?.trim() || null,
            noticeId: req.noticeId ?? null,
            revision: after.revision,
          };
        }),
      )
      .returning({ id: caseEvents.id, caseId: caseEvents.caseId });
    for (const row of rows) eventIds.set(row.caseId, row.id);
  }
  const eventOf = (m: Move) => eventIds.get(m.current.id)!;

  // A new order reaches the operator's contacts (DESIGN §9): a notification and an outbox row, in this transaction.
  if (req.to === 'ordered') await notifyCasesContacts(tx, moves.map((m) => ({ caseId: m.current.id, dedupeKey: `event:${eventOf(m)}` })), 'order');
  const evidence = [...new Set(req.evidence ?? [])];
  if (evidence.length) {
    for (const part of inChunks(moves.flatMap((m) => evidence.map((sha256) => ({ eventId: eventOf(m), sha256 }))))) await tx.insert(caseEventEvidence).values(part);
  }
  const retested = moves.filter((m) => m.rule.retest);
  for (const part of inChunks(retested)) {
    await tx.insert(retests).values(
      part.map((m) => ({ caseId: m.current.id, eventId: eventOf(m), version: m.input.version!.trim(), result: m.rule.retest!, notes: m.input.reason?.trim() ?? '', testedBy: actorUserId })),
    );
  }
  if (req.to === 'removed' && channel === 'direct') {
    const rows = moves.flatMap((m) => m.input.takedownStores!.map((store) => ({ caseId: m.current.id, store, takenDownOn: today, confirmedBy: actorUserId, note: m.input.reason?.trim() ?? '' })));
    for (const part of inChunks(rows)) await tx.insert(takedowns).values(part);
  }
  for (const part of inChunks(moves)) {
    await recordAudits(
      tx,
      actor,
      part.map(({ current, input }) => {
        const after = updatedById.get(current.id)!;
        return {
          action: `case.${req.to}`,
          entityType: 'case',
          entityId: current.id,
          before: { state: current.state, revision: current.revision, deadline: current.deadline },
          after: { state: after.state, revision: after.revision, deadline: after.deadline, reason: input.reason ?? null, version: input.version ?? null, noticeId: req.noticeId ?? null },
        };
      }),
    );
  }
  return updated;
}

/**
 * Moves many cases all or nothing. Rows are locked in id order; every refusal is collected and
 * reported together (one field per case), and then nothing is written. The writes are set-based
 * (writeMoves): a statement per table, not per case, and one refresh of the repeat-offender flags.
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
  const defaultDays = defaultDaysOnce(tx);
  const allowed = new Map<number, Move>();
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
    const input = await withDefaults(row, req, today, defaultDays);
    const verdict = checkTransition({ from: row.state, to: req.to, role: actor.role, channel: req.channel ?? 'direct', input, currentDeadline: row.deadline, today });
    if (!verdict.ok) {
      problems[String(item.caseId)] = verdict.message;
      reasons[String(item.caseId)] = { key: verdict.key, params: verdict.params };
      if (verdict.status === 403) status = 403;
    } else allowed.set(row.id, { current: row, input, rule: verdict.rule });
  }
  const refused = Object.keys(problems);
  if (refused.length) {
    throw new TransitionRefusedError(status, status === 403 ? 'forbidden' : status === 409 ? 'conflict' : status === 404 ? 'not_found' : 'transition_refused', `Nothing was changed: ${refused.length} of ${items.length} case(s) cannot move to ${req.to} (${refused.join(', ')}).`, problems, reasons, req.to);
  }
  const moves = ids.map((id) => allowed.get(id)!);
  const updated = await writeMoves(tx, actor, moves, req, today);
  // One refresh for the whole batch (a removal notice may name hundreds of cases).
  const touched = new Set(moves.filter((m) => touchesFlags(m.current.state, req.to)).map((m) => m.current.subjectId));
  if (touched.size) await refreshOffenderFlags(tx, { subjectIds: [...touched] });
  return updated;
}
