import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import {
  apiTokens, campaigns, caseEventEvidence, caseEvents, cases, evidence, findingEvidence, findings, inspections, notices,
  operators, retests, storeListings, subjects, takedowns, users,
} from '@/db/schema';
import { notFound } from '@/lib/http/errors';
import { officeToday } from '@/lib/time';
import { isOverdue } from './ladder';

const evidenceColumns = { sha256: evidence.sha256, byteSize: evidence.byteSize, mediaType: evidence.mediaType, originalName: evidence.originalName };
const linkedColumns = { id: cases.id, state: cases.state, openedAt: cases.openedAt, closedAt: cases.closedAt };

/** The case row, or a 404 naming it: the one helper every case page and route uses to load a case. */
export async function getCaseOrThrow(db: Queryable, id: number) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
  if (!row) throw notFound('Case', id);
  return row;
}

/**
 * Everything known about one case (GET /api/v1/cases/{id} and the case page): the subject and its
 * operator, its assignee, the inspection, the findings with their evidence, every event with its actor, notice and
 * evidence, the re-tests and takedowns, and the cases it recurs and that recur it.
 */
export async function getCaseDetail(db: Queryable, id: number, today = officeToday()) {
  const row = await getCaseOrThrow(db, id);
  const [subject] = await db.select().from(subjects).where(eq(subjects.id, row.subjectId));
  const [assignee, operator, [inspection], stores, findingRows, eventRows, retestRows, takedownRows, previous, next] = await Promise.all([
    row.assigneeId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.assigneeId)).then((r) => r[0] ?? null) : Promise.resolve(null),
    subject!.operatorId ? db.select().from(operators).where(eq(operators.id, subject!.operatorId)).then((r) => r[0] ?? null) : Promise.resolve(null),
    db
      .select({
        id: inspections.id, version: inspections.version, inspectedOn: inspections.inspectedOn, method: inspections.method,
        source: inspections.source, externalRef: inspections.externalRef, notes: inspections.notes,
        campaign: { id: campaigns.id, code: campaigns.code, nameZh: campaigns.nameZh, nameEn: campaigns.nameEn },
        inspectorName: users.name,
      })
      .from(inspections)
      .leftJoin(campaigns, eq(campaigns.id, inspections.campaignId))
      .leftJoin(users, eq(users.id, inspections.inspectorId))
      .where(eq(inspections.id, row.inspectionId)),
    db.select({ store: storeListings.store, versionSeen: storeListings.versionSeen }).from(storeListings).where(eq(storeListings.subjectId, row.subjectId)).orderBy(asc(storeListings.store)),
    db.select().from(findings).where(eq(findings.inspectionId, row.inspectionId)).orderBy(asc(findings.id)),
    db
      .select({
        id: caseEvents.id, fromState: caseEvents.fromState, toState: caseEvents.toState, reason: caseEvents.reason,
        deadline: caseEvents.deadline, version: caseEvents.version, revision: caseEvents.revision, at: caseEvents.at,
        actorName: sql<string | null>`coalesce(${users.name}, ${apiTokens.name})`,
        actorKind: sql<'user' | 'token' | null>`CASE WHEN ${caseEvents.actorUserId} IS NOT NULL THEN 'user' WHEN ${caseEvents.actorTokenId} IS NOT NULL THEN 'token' END`,
        notice: { id: notices.id, slug: notices.slug, titleZh: notices.titleZh, titleEn: notices.titleEn, kind: notices.kind, status: notices.status },
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorUserId))
      .leftJoin(apiTokens, eq(apiTokens.id, caseEvents.actorTokenId))
      .leftJoin(notices, eq(notices.id, caseEvents.noticeId))
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.revision)),
    db
      .select({ id: retests.id, eventId: retests.eventId, version: retests.version, result: retests.result, notes: retests.notes, testedAt: retests.testedAt, testedBy: users.name })
      .from(retests)
      .leftJoin(users, eq(users.id, retests.testedBy))
      .where(eq(retests.caseId, id))
      .orderBy(asc(retests.testedAt), asc(retests.id)),
    db
      .select({ id: takedowns.id, store: takedowns.store, takenDownOn: takedowns.takenDownOn, note: takedowns.note, confirmedBy: users.name })
      .from(takedowns)
      .leftJoin(users, eq(users.id, takedowns.confirmedBy))
      .where(eq(takedowns.caseId, id))
      .orderBy(asc(takedowns.takenDownOn), asc(takedowns.store)),
    row.previousCaseId ? db.select(linkedColumns).from(cases).where(eq(cases.id, row.previousCaseId)).then((r) => r[0] ?? null) : Promise.resolve(null),
    db.select(linkedColumns).from(cases).where(eq(cases.previousCaseId, id)).orderBy(asc(cases.id)),
  ]);

  const findingIds = findingRows.map((f) => f.id);
  const eventIds = eventRows.map((e) => e.id);
  const [findingFiles, eventFiles] = await Promise.all([
    findingIds.length
      ? db.select({ findingId: findingEvidence.findingId, ...evidenceColumns }).from(findingEvidence).innerJoin(evidence, eq(evidence.sha256, findingEvidence.sha256)).where(inArray(findingEvidence.findingId, findingIds)).orderBy(asc(evidence.createdAt))
      : Promise.resolve([]),
    eventIds.length
      ? db.select({ eventId: caseEventEvidence.eventId, ...evidenceColumns }).from(caseEventEvidence).innerJoin(evidence, eq(evidence.sha256, caseEventEvidence.sha256)).where(inArray(caseEventEvidence.eventId, eventIds))
      : Promise.resolve([]),
  ]);
  const strip = ({ sha256, byteSize, mediaType, originalName }: { sha256: string; byteSize: number; mediaType: string; originalName: string }) => ({ sha256, byteSize, mediaType, originalName });

  return {
    case: { ...row, overdue: isOverdue(row.state, row.deadline, today) },
    assignee,
    subject: subject!,
    operator,
    stores,
    inspection: inspection!,
    findings: findingRows.map((f) => ({ ...f, evidence: findingFiles.filter((r) => r.findingId === f.id).map(strip) })),
    events: eventRows.map((e) => ({ ...e, notice: e.notice?.id ? e.notice : null, evidence: eventFiles.filter((r) => r.eventId === e.id).map(strip) })),
    retests: retestRows,
    takedowns: takedownRows,
    previousCase: previous,
    laterCases: next,
  };
}

export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;
