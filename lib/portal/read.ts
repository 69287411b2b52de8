import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import {
  caseEvents, caseExtensions, cases, evidence, findingEvidence, findings, noticeEntries, notices, portalActionEvidence,
  portalActions, subjects, violationCategories,
} from '@/db/schema';
import type { ScopedActor } from '@/lib/auth/actor';
import { caseInScope } from '@/lib/auth/scope';
import { isOverdue } from '@/lib/cases/ladder';
import { decodeCursor, pageOf } from '@/lib/http/cursor';
import { notFound } from '@/lib/http/errors';
import { isCalendarDate, officeToday } from '@/lib/time';
import type { PortalCaseRow } from './responses';

export type { PortalCaseRow };

/**
 * What an operator's contact may read (DESIGN §9): its own operator's subjects and cases, findings,
 * legal basis, deadlines, states, the published notices naming them, and its own actions with the
 * office's decisions. Never an inspector's name, an internal comment or another operator's row:
 * every query here is limited by the actor's scope (lib/auth/scope.ts).
 */

/** When a case was last ordered (the order an acknowledgement answers). */
export const lastOrderedAtSql = (caseId: unknown) =>
  sql`(SELECT max(e.at) FROM case_events e WHERE e.case_id = ${caseId} AND e.to_state = 'ordered')`;

/** Cases a page of the portal's home shows (README "Limits"); the rest are a "next page" away. */
export const PORTAL_CASES_PAGE = 50;

/** The portal's order as one ascending key: open work (ordered, notified) first by deadline, then the rest newest first. */
const openWork = sql`(c.state IN ('ordered','notified'))`;
const portalGroup = sql`(CASE WHEN ${openWork} THEN 0 ELSE 1 END)`;
const portalDeadline = sql`(CASE WHEN ${openWork} THEN coalesce(c.deadline, DATE '9999-12-31') ELSE DATE '9999-12-31' END)`;

/**
 * One page of the contact's operator's cases, open work first (ordered and notified by deadline), then
 * the rest newest first, with the cursor of the next page and the totals (every case, the open ones).
 */
export async function listPortalCases(
  db: Queryable,
  actor: ScopedActor,
  page: { cursor?: string; limit?: number } = {},
  today = officeToday(),
): Promise<{ items: PortalCaseRow[]; nextCursor: string | null; total: number; open: number }> {
  const limit = page.limit ?? PORTAL_CASES_PAGE;
  // The head is `group|deadline` (portalGroup, portalDeadline above).
  const after = decodeCursor(page.cursor, (h) => typeof h === 'string' && /^[01]\|/.test(h) && isCalendarDate(h.slice(2)));
  const [group, deadline] = after ? String(after[0]).split('|') : [];
  const keyset = after ? sql`AND (${portalGroup}, ${portalDeadline}, -c.id) > (${Number(group)}, ${deadline}::date, ${-after[1]})` : sql``;
  const [rows, [counts]] = await Promise.all([
    queryRows<Omit<PortalCaseRow, 'overdue'> & { head: string }>(
      db,
      sql`SELECT c.id, c.state, c.deadline, c.opened_at AS "openedAt", s.id AS "subjectId", s.name AS "subjectName",
          (SELECT count(*)::int FROM findings f WHERE f.inspection_id = c.inspection_id) AS findings,
          EXISTS (SELECT 1 FROM portal_actions a WHERE a.case_id = c.id AND a.kind = 'acknowledge' AND a.created_at >= coalesce(${lastOrderedAtSql(sql`c.id`)}, c.opened_at)) AS acknowledged,
          (SELECT count(*)::int FROM portal_actions a WHERE a.case_id = c.id AND a.status = 'pending') AS pending,
          ${portalGroup} || '|' || ${portalDeadline}::text AS head
        FROM cases c JOIN subjects s ON s.id = c.subject_id
        WHERE s.operator_id = ${actor.operatorId} ${keyset}
        ORDER BY ${portalGroup}, ${portalDeadline}, c.id DESC
        LIMIT ${limit + 1}`,
    ),
    queryRows<{ total: number; open: number }>(
      db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${openWork})::int AS open
        FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE s.operator_id = ${actor.operatorId}`,
    ),
  ]);
  const paged = pageOf(rows, limit, (r) => [r.head, r.id]);
  return {
    items: paged.items.map(({ head: _head, ...r }) => (void _head, { ...r, openedAt: new Date(r.openedAt), overdue: isOverdue(r.state as never, r.deadline, today) })),
    nextCursor: paged.nextCursor,
    total: Number(counts?.total ?? 0),
    open: Number(counts?.open ?? 0),
  };
}

/** The most subjects the portal's home lists (README "Limits"): beyond it the page says "showing 500 of N". */
export const PORTAL_SUBJECTS_MAX = 500;

/** The contact's operator's subjects (apps, mini programs), by name: the first PORTAL_SUBJECTS_MAX and how many there are. */
export async function listPortalSubjects(db: Queryable, actor: ScopedActor, max = PORTAL_SUBJECTS_MAX) {
  const [items, [count]] = await Promise.all([
    db
      .select({ id: subjects.id, name: subjects.name, kind: subjects.kind, platform: subjects.platform })
      .from(subjects)
      .where(eq(subjects.operatorId, actor.operatorId))
      .orderBy(asc(subjects.name), asc(subjects.id))
      .limit(max),
    db.select({ n: sql<number>`count(*)::int` }).from(subjects).where(eq(subjects.operatorId, actor.operatorId)),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

/** One case of the contact's operator, or 404 (another operator's case is simply not found). */
export async function getPortalCaseRow(db: Queryable, actor: ScopedActor, id: number) {
  const [row] = await db.select().from(cases).where(and(eq(cases.id, id), caseInScope(actor, sql`${cases.id}`))).limit(1);
  if (!row) throw notFound('Case', id);
  return row;
}

const fileColumns = { sha256: evidence.sha256, originalName: evidence.originalName, mediaType: evidence.mediaType, byteSize: evidence.byteSize };

/** Everything the contact may see of one case. */
export async function getPortalCase(db: Queryable, actor: ScopedActor, id: number, today = officeToday()) {
  const row = await getPortalCaseRow(db, actor, id);
  const [subject] = await db.select({ id: subjects.id, name: subjects.name, kind: subjects.kind, platform: subjects.platform }).from(subjects).where(eq(subjects.id, row.subjectId));
  const [findingRows, eventRows, actionRows, extensionRows, noticeRows, [ordered]] = await Promise.all([
    db
      .select({
        id: findings.id, category: findings.category, severity: findings.severity, description: findings.description, legalBasis: findings.legalBasis,
        labelZh: violationCategories.labelZh, labelEn: violationCategories.labelEn, legalBasisZh: violationCategories.legalBasisZh, legalBasisEn: violationCategories.legalBasisEn,
      })
      .from(findings)
      .innerJoin(violationCategories, eq(violationCategories.code, findings.category))
      .where(eq(findings.inspectionId, row.inspectionId))
      .orderBy(asc(findings.id)),
    // State changes only: when, from, to, deadline and version. Never who (inspectors' names) or their notes.
    db
      .select({ fromState: caseEvents.fromState, toState: caseEvents.toState, deadline: caseEvents.deadline, version: caseEvents.version, at: caseEvents.at, byContact: sql<boolean>`${caseEvents.actorUserId} = ${actor.id}` })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.revision)),
    db
      .select({
        id: portalActions.id, kind: portalActions.kind, status: portalActions.status, findingId: portalActions.findingId, until: portalActions.until,
        version: portalActions.version, body: portalActions.body, decisionReason: portalActions.decisionReason, createdAt: portalActions.createdAt, decidedAt: portalActions.decidedAt,
      })
      .from(portalActions)
      .where(eq(portalActions.caseId, id))
      .orderBy(asc(portalActions.id)),
    db.select({ fromDeadline: caseExtensions.fromDeadline, until: caseExtensions.until, reason: caseExtensions.reason, at: caseExtensions.at }).from(caseExtensions).where(eq(caseExtensions.caseId, id)).orderBy(asc(caseExtensions.id)),
    db
      .select({ id: notices.id, slug: notices.slug, titleZh: notices.titleZh, titleEn: notices.titleEn, kind: notices.kind, publishedAt: notices.publishedAt })
      .from(noticeEntries)
      .innerJoin(notices, eq(notices.id, noticeEntries.noticeId))
      .where(and(eq(noticeEntries.caseId, id), eq(notices.status, 'published')))
      .orderBy(desc(notices.publishedAt)),
    queryRows<{ at: string | null }>(db, sql`SELECT ${lastOrderedAtSql(id)} AS at`),
  ]);
  const findingIds = findingRows.map((f) => f.id);
  const actionIds = actionRows.map((a) => a.id);
  const [findingFiles, actionFiles] = await Promise.all([
    findingIds.length ? db.select({ findingId: findingEvidence.findingId, ...fileColumns }).from(findingEvidence).innerJoin(evidence, eq(evidence.sha256, findingEvidence.sha256)).where(inArray(findingEvidence.findingId, findingIds)) : Promise.resolve([]),
    actionIds.length ? db.select({ actionId: portalActionEvidence.actionId, ...fileColumns }).from(portalActionEvidence).innerJoin(evidence, eq(evidence.sha256, portalActionEvidence.sha256)).where(inArray(portalActionEvidence.actionId, actionIds)) : Promise.resolve([]),
  ]);
  const strip = ({ sha256, originalName, mediaType, byteSize }: { sha256: string; originalName: string; mediaType: string; byteSize: number }) => ({ sha256, originalName, mediaType, byteSize });
  const orderedAt = ordered?.at ? new Date(ordered.at) : null;
  return {
    case: {
      id: row.id, state: row.state, deadline: row.deadline, overdue: isOverdue(row.state, row.deadline, today), revision: row.revision,
      openedAt: row.openedAt, foundVersion: row.foundVersion, claimedVersion: row.claimedVersion, retestVersion: row.retestVersion,
      acknowledged: actionRows.some((a) => a.kind === 'acknowledge' && (!orderedAt || a.createdAt >= orderedAt)),
    },
    subject: subject!,
    findings: findingRows.map((f) => ({ ...f, evidence: findingFiles.filter((e) => e.findingId === f.id).map(strip) })),
    events: eventRows,
    actions: actionRows.map((a) => ({ ...a, evidence: actionFiles.filter((e) => e.actionId === a.id).map(strip) })),
    extensions: extensionRows,
    notices: noticeRows,
  };
}
export type PortalCase = Awaited<ReturnType<typeof getPortalCase>>;

/**
 * An evidence file the contact may read: one attached to a finding of its operator's cases, or one
 * it uploaded itself. Anything else is 404.
 */
export async function portalEvidenceAllowed(db: Queryable, actor: ScopedActor, sha256: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`SELECT (
      EXISTS (SELECT 1 FROM portal_uploads u WHERE u.user_id = ${actor.id} AND u.sha256 = ${sha256})
      OR EXISTS (SELECT 1 FROM finding_evidence fe JOIN findings f ON f.id = fe.finding_id JOIN cases c ON c.inspection_id = f.inspection_id
                 WHERE fe.sha256 = ${sha256} AND ${caseInScope(actor, sql`c.id`)})
      OR EXISTS (SELECT 1 FROM portal_action_evidence pe JOIN portal_actions a ON a.id = pe.action_id WHERE pe.sha256 = ${sha256} AND ${caseInScope(actor, sql`a.case_id`)})
    ) AS ok`,
  );
  return !!row?.ok;
}
