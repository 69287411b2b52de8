import { campaignRefSchema } from '@/lib/campaigns/ref';
import { isCampaignSql } from '@/lib/campaigns/sql';
import { and, asc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { campaigns, cases, inspections, operators, subjects } from '@/db/schema';
import { decodeCursor, pageOf } from '@/lib/http/cursor';
import { addDays, isCalendarDate, officeToday } from '@/lib/time';
import { DEADLINE_STATES, isOverdue } from './ladder';

const blank = (v: unknown) => (v === '' ? undefined : Array.isArray(v) ? v[v.length - 1] : v);

/** The queue's URL: how many days ahead count as "due soon", and the sector / campaign filters. */
export const queueSchema = z.object({
  days: z.preprocess(blank, z.coerce.number({ error: 'days is a number from 0 to 60.' }).int('days is a whole number.').min(0, 'days is at least 0.').max(60, 'days is at most 60.').default(3)),
  sector: z.preprocess(blank, z.string().trim().regex(/^[a-z0-9_]{1,64}$/, 'The sector is a code such as "parking".').optional()),
  campaign: z.preprocess(blank, campaignRefSchema.optional()),
  /** The next page's cursor (the deadline and id of the last case shown). */
  cursor: z.preprocess(blank, z.string().max(500).optional()),
});
export type QueueQuery = z.infer<typeof queueSchema>;

export interface QueueItem {
  id: number;
  state: 'ordered' | 'notified';
  revision: number;
  deadline: string;
  /** Days past the deadline (> 0 overdue), or minus the days left. */
  daysOverdue: number;
  overdue: boolean;
  subjectId: number;
  subjectName: string;
  sector: string;
  operatorName: string | null;
  campaignCode: string | null;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Cases a page of the queue shows (README "Limits"): the rest are a "next page" away, and both groups are counted. */
export const QUEUE_PAGE_SIZE = 50;

export interface QueuePage {
  overdue: QueueItem[];
  dueSoon: QueueItem[];
  /** Every case of each group under the filters, not only this page's. */
  totals: { overdue: number; dueSoon: number };
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
}

/**
 * Ordered and notified cases whose deadline has passed or falls within `days` days, overdue first
 * (the longest overdue at the top), then the ones due soonest. Overdue is the ladder's rule. Paged
 * by (deadline, id), so overdue cases fill the first pages; the totals say how many each group has.
 */
export async function listQueue(db: Queryable, q: QueueQuery, today = officeToday(), pageSize = QUEUE_PAGE_SIZE): Promise<QueuePage> {
  const where: SQL[] = [inArray(cases.state, [...DEADLINE_STATES]), lte(cases.deadline, addDays(today, q.days))];
  if (q.sector) where.push(eq(subjects.sector, q.sector));
  if (q.campaign !== undefined) where.push(isCampaignSql(inspections.campaignId, q.campaign));
  const after = decodeCursor(q.cursor, isCalendarDate);
  const keyset = after ? [sql`(${cases.deadline}, ${cases.id}) > (${String(after[0])}::date, ${after[1]})`] : [];
  const [rows, [counts]] = await Promise.all([
    db
      .select({
        id: cases.id, state: cases.state, revision: cases.revision, deadline: cases.deadline,
        subjectId: cases.subjectId, subjectName: subjects.name, sector: subjects.sector,
        operatorName: operators.name, campaignCode: campaigns.code,
      })
      .from(cases)
      .innerJoin(subjects, eq(subjects.id, cases.subjectId))
      .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
      .leftJoin(operators, eq(operators.id, subjects.operatorId))
      .leftJoin(campaigns, eq(campaigns.id, inspections.campaignId))
      .where(and(...where, ...keyset))
      .orderBy(asc(cases.deadline), asc(cases.id))
      .limit(pageSize + 1),
    db
      .select({
        overdue: sql<number>`count(*) FILTER (WHERE ${cases.deadline} < ${today})::int`,
        dueSoon: sql<number>`count(*) FILTER (WHERE ${cases.deadline} >= ${today})::int`,
      })
      .from(cases)
      .innerJoin(subjects, eq(subjects.id, cases.subjectId))
      .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
      .where(and(...where)),
  ]);
  const page = pageOf(rows, pageSize, (r) => [r.deadline!, r.id]);
  const items: QueueItem[] = page.items.map((r) => ({
    ...r,
    state: r.state as QueueItem['state'],
    deadline: r.deadline!,
    daysOverdue: dayNumber(today) - dayNumber(r.deadline!),
    overdue: isOverdue(r.state, r.deadline, today),
  }));
  return {
    overdue: items.filter((i) => i.overdue),
    dueSoon: items.filter((i) => !i.overdue),
    totals: { overdue: Number(counts?.overdue ?? 0), dueSoon: Number(counts?.dueSoon ?? 0) },
    nextCursor: page.nextCursor,
  };
}
