import { alias } from 'drizzle-orm/pg-core';
import { asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { noticeEntries, notices, users } from '@/db/schema';
import { notFound } from '@/lib/http/errors';
import { liveRowsFor, type LiveCaseRow } from './annex';

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeEntryRow = typeof noticeEntries.$inferSelect;
export type NoticeStatus = NoticeRow['status'];

export async function getNoticeOrThrow(q: Queryable, id: number): Promise<NoticeRow> {
  const [row] = await q.select().from(notices).where(eq(notices.id, id)).limit(1);
  if (!row) throw notFound('Notice', id);
  return row;
}

export function entriesOf(q: Queryable, noticeId: number): Promise<NoticeEntryRow[]> {
  return q.select().from(noticeEntries).where(eq(noticeEntries.noticeId, noticeId)).orderBy(asc(noticeEntries.position), asc(noticeEntries.id));
}

const author = alias(users, 'author');
const approver = alias(users, 'approver');

/** The most notices the manage list and GET /api/v1/notices give (README "Limits"); the page says "showing 200 of N". */
export const MANAGED_NOTICES_MAX = 200;

/** The office's notices for the manage list: newest first, with who drafted and approved them (the first MANAGED_NOTICES_MAX). */
export async function listManagedNotices(q: Queryable, status?: NoticeStatus, max = MANAGED_NOTICES_MAX) {
  const where: SQL | undefined = status ? eq(notices.status, status) : undefined;
  return q
    .select({
      id: notices.id, kind: notices.kind, status: notices.status, slug: notices.slug, titleZh: notices.titleZh, titleEn: notices.titleEn,
      deadline: notices.deadline, year: notices.year, batchInYear: notices.batchInYear, batchOverall: notices.batchOverall,
      correctsNoticeId: notices.correctsNoticeId, createdAt: notices.createdAt, approvedAt: notices.approvedAt, publishedAt: notices.publishedAt,
      createdBy: notices.createdBy, authorName: author.name, approverName: approver.name,
      entries: q.$count(noticeEntries, eq(noticeEntries.noticeId, notices.id)),
    })
    .from(notices)
    .innerJoin(author, eq(author.id, notices.createdBy))
    .leftJoin(approver, eq(approver.id, notices.approvedBy))
    .where(where)
    .orderBy(asc(notices.status), desc(notices.publishedAt), desc(notices.createdAt))
    .limit(max);
}

export interface NoticeDetail {
  notice: NoticeRow;
  authorName: string;
  approverName: string | null;
  entries: NoticeEntryRow[];
  /** The cases as they are now (state, revision, annex columns), keyed by case id. */
  live: Map<number, LiveCaseRow>;
  corrects: Pick<NoticeRow, 'id' | 'slug' | 'titleZh' | 'titleEn'> | null;
  correctedBy: Pick<NoticeRow, 'id' | 'slug' | 'titleZh' | 'titleEn' | 'status'>[];
}

/** Everything the internal notice page and GET /api/v1/notices/{id} show. */
export async function getNoticeDetail(q: Queryable, id: number): Promise<NoticeDetail> {
  const notice = await getNoticeOrThrow(q, id);
  const entries = await entriesOf(q, id);
  const people = await q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [notice.createdBy, notice.approvedBy ?? notice.createdBy]));
  const nameOf = (uid: number | null) => people.find((p) => p.id === uid)?.name ?? null;
  const live = new Map((await liveRowsFor(q, entries.map((e) => e.caseId))).map((r) => [r.caseId, r]));
  const pick = { id: notices.id, slug: notices.slug, titleZh: notices.titleZh, titleEn: notices.titleEn, status: notices.status };
  const corrects = notice.correctsNoticeId ? ((await q.select(pick).from(notices).where(eq(notices.id, notice.correctsNoticeId)))[0] ?? null) : null;
  const correctedBy = await q.select(pick).from(notices).where(eq(notices.correctsNoticeId, id)).orderBy(asc(notices.id));
  return { notice, authorName: nameOf(notice.createdBy) ?? '', approverName: nameOf(notice.approvedBy), entries, live, corrects, correctedBy };
}

export async function countByStatus(q: Queryable): Promise<Record<NoticeStatus, number>> {
  const rows = await q.select({ status: notices.status, n: count() }).from(notices).groupBy(notices.status);
  const out: Record<NoticeStatus, number> = { draft: 0, approved: 0, published: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

