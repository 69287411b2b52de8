/**
 * Publication, in ONE transaction: the number is assigned under a lock, every listed case moves on
 * the ladder (at the revision the composer saw), the annex columns are snapshotted, and the notice
 * becomes immutable. Any refusal rolls everything back: nothing published, no case moved, no number used.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { noticeEntries, notices } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { transitionCases } from '@/lib/cases/transition';
import { conflict, HttpError, unprocessable } from '@/lib/http/errors';
import { officeToday } from '@/lib/time';
import { groupBySubject } from './annex-group';
import { liveRowsFor, problemsZh } from './annex';
import { lockNotice, requirePerson } from './commands';
import { noticeNumberLabel } from './labels';
import { entriesOf, type NoticeRow } from './queries';

/** Serialises publications so two cannot take the same number (the unique indexes are the backstop). */
const NUMBERING_LOCK = 730_201;

async function nextNumber(tx: Tx, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBERING_LOCK})`);
  const [row] = (await tx
    .select({
      inYear: sql<number>`coalesce(max(${notices.batchInYear}) filter (where ${notices.year} = ${year}), 0)::int + 1`,
      overall: sql<number>`coalesce(max(${notices.batchOverall}), 0)::int + 1`,
    })
    .from(notices)) as [{ inYear: number; overall: number }];
  return { year, batchInYear: row.inYear, batchOverall: row.overall, slug: `${year}-${row.inYear}` };
}

export async function publishNotice(db: Db, actor: Actor, id: number, today = officeToday()): Promise<NoticeRow> {
  requirePerson(actor);
  return db.transaction(async (tx) => {
    const number = await nextNumber(tx, Number(today.slice(0, 4)));
    const notice = await lockNotice(tx, id);
    if (notice.status === 'published') throw conflict(`Notice ${id} is already published (${notice.slug}).`).because('notice_published');
    if (notice.status !== 'approved') throw conflict(`Notice ${id} is a draft: a supervisor other than its author must approve it before it is published.`).because('notice_not_approved');
    if (notice.deadline && notice.deadline <= today) {
      throw unprocessable(`The notice's deadline ${notice.deadline} is not after today; a new draft with a later deadline is needed.`, { deadline: 'Must be after today.' }).because('deadline_not_future');
    }
    const entries = await entriesOf(tx, id);
    const label = noticeNumberLabel(number, 'zh')!;

    if (!notice.correctsNoticeId) {
      const to = notice.kind === 'rectification' ? 'notified' : 'removed';
      try {
        await transitionCases(tx, actor, entries.map((e) => ({ caseId: e.caseId, expectedRevision: e.caseRevision })), {
          to,
          channel: notice.kind === 'rectification' ? 'rectification_notice' : 'removal_notice',
          noticeId: id,
          input: { deadline: notice.deadline ?? undefined, reason: `${label}通报` },
        }, today);
      } catch (err) {
        if (err instanceof HttpError) {
          throw new HttpError(err.status, err.code, `Notice ${id} was not published. ${err.message} Edit a new draft without these cases, or reload them.`, err.fields).because('publish_cases_refused');
        }
        throw err;
      }
    }

    // The annex, frozen: one row number per subject, the public columns as they are at this moment.
    // An erratum that sets no deadline of its own states the deadline of the notice it corrects.
    const [corrected] = notice.deadline || !notice.correctsNoticeId ? [] : await tx.select({ deadline: notices.deadline }).from(notices).where(eq(notices.id, notice.correctsNoticeId));
    const deadline = notice.deadline ?? corrected?.deadline ?? null;
    const live = await liveRowsFor(tx, entries.map((e) => e.caseId));
    for (const group of groupBySubject(live)) {
      const problems = await problemsZh(tx, group.categories);
      for (const row of group.cases) {
        await tx
          .update(noticeEntries)
          .set({
            position: group.no, appName: row.appName, operatorName: row.operatorName, source: row.source, version: row.version,
            filingNumber: row.filingNumber, region: row.region, problems, categories: group.categories, deadline,
          })
          .where(and(eq(noticeEntries.noticeId, id), eq(noticeEntries.caseId, row.caseId)));
      }
    }

    const [published] = await tx
      .update(notices)
      .set({ status: 'published', ...number, publishedBy: actor.id, publishedAt: sql`now()`, revision: notice.revision + 1 })
      .where(eq(notices.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'notice.publish',
      entityType: 'notice',
      entityId: id,
      before: { status: 'approved' },
      after: { status: 'published', ...number, cases: entries.map((e) => e.caseId), correctsNoticeId: notice.correctsNoticeId },
    });
    return published!;
  });
}
