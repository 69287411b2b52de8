/**
 * THE public projection of a notice. Every public output (pages, JSON, CSV, feed, print) goes
 * through `toPublicNotice`, which copies named public fields only: never the people, internal
 * notes, evidence, case ids or anything of a notice that is not published.
 */
import { and, desc, eq, exists, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { cases, noticeEntries, notices, subjects, violationCategories } from '@/db/schema';
import { HttpError } from '@/lib/http/errors';
import { localizeSource, noticeNumberLabel } from './labels';
import type { NoticeEntryRow, NoticeRow } from './queries';
import type { PublicListQuery } from './schemas';
import type { Bilingual, PublicNoticeLink, PublicNoticeEntry, PublicNotice } from './responses';

export type { Bilingual, PublicNoticeLink, PublicNoticeEntry, PublicNotice };

type CategoryLabels = Map<string, Bilingual>;

function link(n: Pick<NoticeRow, 'slug' | 'titleZh' | 'titleEn' | 'year' | 'batchInYear' | 'batchOverall'>): PublicNoticeLink {
  return { slug: n.slug!, title: { zh: n.titleZh, en: n.titleEn }, label: { zh: noticeNumberLabel(n, 'zh')!, en: noticeNumberLabel(n, 'en')! } };
}

/** Entries of one subject share a row number: their versions are listed together. */
function annexRows(entries: readonly NoticeEntryRow[], labels: CategoryLabels): PublicNoticeEntry[] {
  const rows = new Map<number, PublicNoticeEntry>();
  for (const e of entries) {
    const existing = rows.get(e.position);
    if (existing) {
      if (e.version && !existing.version.split('、').includes(e.version)) existing.version += `、${e.version}`;
      continue;
    }
    rows.set(e.position, {
      no: e.position,
      appName: e.appName ?? '',
      operator: e.operatorName ?? '',
      source: { zh: e.source ?? '', en: localizeSource(e.source, 'en') ?? '' },
      version: e.version ?? '',
      filingNumber: e.filingNumber || null,
      region: e.region ?? '',
      problems: { zh: e.problems ?? '', en: e.categories.map((c) => labels.get(c)?.en ?? c).join('; ') },
      categories: [...e.categories],
      deadline: e.deadline,
    });
  }
  return [...rows.values()].sort((a, b) => a.no - b.no);
}

export function toPublicNotice(
  notice: NoticeRow,
  related: { entryCount: number; corrects: PublicNoticeLink | null; correctedBy: PublicNoticeLink[] },
  detail?: { entries: readonly NoticeEntryRow[]; labels: CategoryLabels },
): PublicNotice {
  if (notice.status !== 'published' || !notice.slug || !notice.publishedAt) {
    throw new HttpError(404, 'not_found', 'This notice is not published.');
  }
  return {
    ...link(notice),
    kind: notice.kind,
    year: notice.year!,
    batchInYear: notice.batchInYear!,
    batchOverall: notice.batchOverall!,
    intro: { zh: notice.introZh, en: notice.introEn },
    deadline: notice.deadline,
    publishedAt: notice.publishedAt.toISOString(),
    entryCount: related.entryCount,
    corrects: related.corrects,
    correctedBy: related.correctedBy,
    ...(detail ? { entries: annexRows(detail.entries, detail.labels) } : {}),
  };
}

// ---------------------------------------------------------------- reads

const published = eq(notices.status, 'published');

async function relatedOf(q: Queryable, rows: NoticeRow[]) {
  const ids = rows.map((r) => r.id);
  const linked = rows.map((r) => r.correctsNoticeId).filter((x): x is number => x !== null);
  const [counts, correcting, corrected] = await Promise.all([
    ids.length ? q.select({ id: noticeEntries.noticeId, n: sql<number>`count(distinct ${noticeEntries.position})::int` }).from(noticeEntries).where(inArray(noticeEntries.noticeId, ids)).groupBy(noticeEntries.noticeId) : [],
    ids.length ? q.select().from(notices).where(and(published, inArray(notices.correctsNoticeId, ids))) : [],
    linked.length ? q.select().from(notices).where(and(published, inArray(notices.id, linked))) : [],
  ]);
  return (r: NoticeRow) => ({
    entryCount: counts.find((c) => c.id === r.id)?.n ?? 0,
    corrects: r.correctsNoticeId ? ((l) => (l ? link(l) : null))(corrected.find((c) => c.id === r.correctsNoticeId)) : null,
    correctedBy: correcting.filter((c) => c.correctsNoticeId === r.id).map(link),
  });
}

export async function listPublicNotices(q: Queryable, f: PublicListQuery): Promise<{ notices: PublicNotice[]; nextCursor: number | null }> {
  const where: SQL[] = [published];
  if (f.year) where.push(eq(notices.year, f.year));
  if (f.kind) where.push(eq(notices.kind, f.kind));
  if (f.cursor) where.push(lt(notices.batchOverall, f.cursor));
  if (f.q) {
    const like = `%${f.q}%`;
    const inAnnex = q.select({ x: sql`1` }).from(noticeEntries).where(and(eq(noticeEntries.noticeId, notices.id), or(ilike(noticeEntries.appName, like), ilike(noticeEntries.operatorName, like), ilike(noticeEntries.filingNumber, like))));
    where.push(or(ilike(notices.titleZh, like), ilike(notices.titleEn, like), exists(inAnnex))!);
  }
  if (f.sector) {
    const inSector = q.select({ x: sql`1` }).from(noticeEntries).innerJoin(cases, eq(cases.id, noticeEntries.caseId)).innerJoin(subjects, eq(subjects.id, cases.subjectId)).where(and(eq(noticeEntries.noticeId, notices.id), eq(subjects.sector, f.sector)));
    where.push(exists(inSector));
  }
  const rows = await q.select().from(notices).where(and(...where)).orderBy(desc(notices.batchOverall)).limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const related = await relatedOf(q, page);
  return { notices: page.map((r) => toPublicNotice(r, related(r))), nextCursor: rows.length > f.limit ? page[page.length - 1]!.batchOverall : null };
}

/** One published notice with its annex, or 404 (a draft or approved notice has no public existence). */
export async function getPublicNotice(q: Queryable, slug: string): Promise<PublicNotice> {
  const [row] = await q.select().from(notices).where(and(published, eq(notices.slug, slug))).limit(1);
  if (!row) throw new HttpError(404, 'not_found', `No published notice ${slug}.`);
  const [related, entries, categories] = await Promise.all([
    relatedOf(q, [row]),
    q.select().from(noticeEntries).where(eq(noticeEntries.noticeId, row.id)).orderBy(noticeEntries.position, noticeEntries.id),
    q.select({ code: violationCategories.code, zh: violationCategories.labelZh, en: violationCategories.labelEn }).from(violationCategories),
  ]);
  const labels: CategoryLabels = new Map(categories.map((c) => [c.code, { zh: c.zh, en: c.en }]));
  return toPublicNotice(row, related(row), { entries, labels });
}

export async function listPublicYears(q: Queryable): Promise<number[]> {
  const rows = await q.selectDistinct({ year: notices.year }).from(notices).where(published).orderBy(desc(notices.year));
  return rows.map((r) => r.year!).filter(Boolean);
}
