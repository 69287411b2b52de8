/**
 * The notice workflow up to approval: draft (a supervisor, editable by its author until approved) →
 * approved (a different supervisor: four eyes). Publication is in publish.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { noticeEntries, notices } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { conflict, forbiddenError, HttpError, notFound, unprocessable, type FieldErrors } from '@/lib/http/errors';
import { officeToday } from '@/lib/time';
import { isEligible, liveRowsFor } from './annex';
import { entriesOf, getNoticeOrThrow, type NoticeRow } from './queries';
import type { NoticeDraftInput } from './schemas';

type PersonActor = Extract<Actor, { kind: 'user' }>;

/** Notices are the office's public word: drafted, approved and published by people, never by API tokens. */
export function requirePerson(actor: Actor): PersonActor {
  if (actor.kind !== 'user') throw forbiddenError('Notices are drafted, approved and published by a signed-in supervisor; an API token cannot.').because('notice_token');
  return actor;
}

/** The notice row, locked for the rest of the transaction; 404 when it does not exist. */
export async function lockNotice(tx: Tx, id: number): Promise<NoticeRow> {
  const [row] = await tx.select().from(notices).where(eq(notices.id, id)).for('update');
  if (!row) throw notFound('Notice', id);
  return row;
}

/** Checks the deadline, the corrected notice and the cases; returns the revisions to keep. */
async function checkDraft(tx: Tx, input: NoticeDraftInput, today: string): Promise<{ caseId: number; revision: number }[]> {
  const fields: FieldErrors = {};
  if (input.deadline && input.deadline <= today) fields.deadline = `The deadline must be after today (${today}).`;
  if (input.kind === 'rectification' && !input.deadline && !input.correctsNoticeId) fields.deadline = 'A rectification notice gives a new deadline.';
  let corrected: NoticeRow | null = null;
  if (input.correctsNoticeId) {
    corrected = await getNoticeOrThrow(tx, input.correctsNoticeId);
    if (corrected.status !== 'published') fields.correctsNoticeId = 'Only a published notice can be corrected.';
    else if (corrected.kind !== input.kind) fields.correctsNoticeId = `An erratum has the kind of the notice it corrects (${corrected.kind}).`;
  }
  const rows = new Map((await liveRowsFor(tx, input.caseIds)).map((r) => [r.caseId, r]));
  const inCorrected = corrected ? new Set((await entriesOf(tx, corrected.id)).map((e) => e.caseId)) : null;
  for (const id of input.caseIds) {
    const row = rows.get(id);
    const seen = input.caseRevisions?.[String(id)];
    if (!row) fields[`caseIds.${id}`] = `Case ${id} does not exist.`;
    else if (seen !== undefined && seen !== row.revision) fields[`caseIds.${id}`] = `Case ${id} changed meanwhile (revision ${row.revision}, you saw ${seen}); reload the candidates.`;
    else if (inCorrected && !inCorrected.has(id)) fields[`caseIds.${id}`] = `Case ${id} is not in the notice this erratum corrects.`;
    else if (!inCorrected && !isEligible(input.kind, row)) {
      fields[`caseIds.${id}`] = input.kind === 'rectification'
        ? `Case ${id} is ${row.state}${row.overdue ? '' : ', not past its deadline'}: a rectification notice lists ordered cases past their deadline.`
        : `Case ${id} is ${row.state}${row.overdue ? '' : ', not past its deadline'}: a removal notice lists notified cases still unrectified after the deadline.`;
    }
  }
  if (Object.keys(fields).length) {
    const stale = Object.values(fields).some((m) => m.includes('changed meanwhile'));
    throw new HttpError(stale ? 409 : 422, stale ? 'conflict' : 'unprocessable', `The notice cannot be saved: ${Object.values(fields).join(' ')}`, fields).because(stale ? 'stale_revision' : 'notice_draft_invalid');
  }
  return input.caseIds.map((caseId) => ({ caseId, revision: rows.get(caseId)!.revision }));
}

async function writeEntries(tx: Tx, noticeId: number, items: { caseId: number; revision: number }[]): Promise<void> {
  await tx.delete(noticeEntries).where(eq(noticeEntries.noticeId, noticeId));
  if (items.length) {
    await tx.insert(noticeEntries).values(items.map((it, i) => ({ noticeId, caseId: it.caseId, position: i + 1, caseRevision: it.revision })));
  }
}

const fieldsOf = (input: NoticeDraftInput) => ({
  kind: input.kind, titleZh: input.titleZh, titleEn: input.titleEn, introZh: input.introZh, introEn: input.introEn,
  deadline: input.deadline ?? null, correctsNoticeId: input.correctsNoticeId ?? null,
});

export async function createDraft(db: Db, actor: Actor, input: NoticeDraftInput, today = officeToday()): Promise<NoticeRow> {
  const person = requirePerson(actor);
  return db.transaction(async (tx) => {
    const items = await checkDraft(tx, input, today);
    const [row] = await tx.insert(notices).values({ ...fieldsOf(input), status: 'draft', createdBy: person.id }).returning();
    await writeEntries(tx, row!.id, items);
    await recordAudit(tx, actor, { action: 'notice.draft', entityType: 'notice', entityId: row!.id, after: { ...fieldsOf(input), cases: items } });
    return row!;
  });
}

function refuseUnlessDraft(n: NoticeRow, what: string): void {
  if (n.status === 'published') throw conflict(`Notice ${n.id} is published and can no longer change; publish an erratum that corrects it.`).because('notice_published');
  if (n.status !== 'draft') throw conflict(`Notice ${n.id} is already ${n.status}; it cannot be ${what}.`).because('notice_not_draft');
}

export async function updateDraft(db: Db, actor: Actor, id: number, input: NoticeDraftInput & { expectedRevision: number }, today = officeToday()): Promise<NoticeRow> {
  const person = requirePerson(actor);
  return db.transaction(async (tx) => {
    const current = await lockNotice(tx, id);
    refuseUnlessDraft(current, 'edited');
    if (current.createdBy !== person.id) throw forbiddenError(`Only the author of notice ${id} may edit the draft.`).because('notice_not_author');
    if (current.revision !== input.expectedRevision) {
      throw conflict(`Notice ${id} changed meanwhile (revision ${current.revision}, you had ${input.expectedRevision}); reload it.`, { expectedRevision: `Now revision ${current.revision}.` }).because('stale_revision');
    }
    const items = await checkDraft(tx, input, today);
    const [row] = await tx.update(notices).set({ ...fieldsOf(input), revision: current.revision + 1 }).where(eq(notices.id, id)).returning();
    await writeEntries(tx, id, items);
    await recordAudit(tx, actor, { action: 'notice.edit', entityType: 'notice', entityId: id, before: { revision: current.revision }, after: { ...fieldsOf(input), cases: items, revision: row!.revision } });
    return row!;
  });
}

/** Four eyes: a supervisor other than the author approves; the database refuses it too (notices_four_eyes). */
export async function approveNotice(db: Db, actor: Actor, id: number): Promise<NoticeRow> {
  const person = requirePerson(actor);
  return db.transaction(async (tx) => {
    const current = await lockNotice(tx, id);
    refuseUnlessDraft(current, 'approved again');
    if (current.createdBy === person.id) {
      throw forbiddenError(`You drafted notice ${id}; a different supervisor must approve it (four-eyes rule).`).because('four_eyes');
    }
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(noticeEntries).where(eq(noticeEntries.noticeId, id))) as [{ n: number }];
    if (n === 0 && !current.correctsNoticeId) throw unprocessable(`Notice ${id} lists no case; add cases before approving it.`, { caseIds: 'At least one case.' }).because('notice_no_cases');
    const [row] = await tx
      .update(notices)
      .set({ status: 'approved', approvedBy: person.id, approvedAt: sql`now()`, revision: current.revision + 1 })
      .where(and(eq(notices.id, id), eq(notices.status, 'draft')))
      .returning();
    await recordAudit(tx, actor, { action: 'notice.approve', entityType: 'notice', entityId: id, before: { status: 'draft' }, after: { status: 'approved', revision: row!.revision } });
    return row!;
  });
}
