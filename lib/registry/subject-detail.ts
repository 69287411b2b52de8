import { operatorRegionNameSql } from '@/lib/regions/sql';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { storeListings, subjectIdentifiers, subjectNames, subjects } from '@/db/schema';
import { isOverdueSql } from '@/lib/cases/overdue';
import { notFound } from '@/lib/http/errors';
import { officeDateSql } from '@/lib/time';
import type { SubjectCaseRow, InspectionEvidenceRow } from './responses';

export type { SubjectCaseRow, InspectionEvidenceRow };

export async function getSubjectOrThrow(db: Queryable, id: number) {
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id)).limit(1);
  if (!row) throw notFound('Subject', id);
  return row;
}

/** A subject as a picker's chosen option (the inspection form's `?subject=`), or null when there is none of that id. */
export async function subjectOption(db: Queryable, id: number | null | undefined): Promise<{ id: number; label: string } | null> {
  if (!id) return null;
  const [row] = await db.select({ id: subjects.id, label: subjects.name }).from(subjects).where(eq(subjects.id, id)).limit(1);
  return row ?? null;
}

/**
 * A subject page and GET /api/v1/subjects/{id} show at most this many of its cases (the latest) and of
 * its evidence files; `casesTotal` / `evidenceTotal` count them all, and the case list
 * (`/cases?subject=`, GET /api/v1/cases?subject=) pages through every case with its evidence.
 */
export const SUBJECT_DETAIL_ROWS = 200;

/** A subject with everything its page and GET /api/v1/subjects/{id} show. */
export async function getSubjectDetail(db: Queryable, id: number, rows = SUBJECT_DETAIL_ROWS) {
  const subject = await getSubjectOrThrow(db, id);
  const [operator] = subject.operatorId
    ? await queryRows<{ id: number; name: string; uscc: string; region: string }>(db, sql`SELECT id, name, uscc, ${operatorRegionNameSql('operators')} AS region FROM operators WHERE id = ${subject.operatorId}`)
    : [];
  const [identifiers, names, listings, caseRows, evidence, totals] = await Promise.all([
    db.select().from(subjectIdentifiers).where(eq(subjectIdentifiers.subjectId, id)).orderBy(asc(subjectIdentifiers.type), asc(subjectIdentifiers.id)),
    db.select().from(subjectNames).where(eq(subjectNames.subjectId, id)).orderBy(desc(subjectNames.validFrom), desc(subjectNames.id)),
    db.select().from(storeListings).where(eq(storeListings.subjectId, id)).orderBy(asc(storeListings.store)),
    queryRows<SubjectCaseRow>(
      db,
      sql`SELECT cases.id, cases.state, cases.deadline::text AS deadline, ${isOverdueSql} AS overdue,
          ${officeDateSql(sql`cases.opened_at`)}::text AS "openedOn", cases.found_version AS "foundVersion",
          cases.previous_case_id AS "previousCaseId", inspections.id AS "inspectionId", inspections.inspected_on::text AS "inspectedOn",
          inspections.method, ARRAY(SELECT DISTINCT category FROM findings WHERE findings.inspection_id = inspections.id ORDER BY 1) AS categories
        FROM cases JOIN inspections ON inspections.id = cases.inspection_id
        WHERE cases.subject_id = ${id} ORDER BY cases.opened_at DESC, cases.id DESC LIMIT ${rows}`,
    ),
    queryRows<InspectionEvidenceRow>(
      db,
      sql`SELECT findings.inspection_id AS "inspectionId", findings.id AS "findingId", findings.category, findings.severity,
          evidence.sha256, evidence.media_type AS "mediaType", evidence.byte_size::int AS "byteSize", evidence.original_name AS "originalName"
        FROM findings JOIN inspections ON inspections.id = findings.inspection_id
        JOIN finding_evidence fe ON fe.finding_id = findings.id JOIN evidence ON evidence.sha256 = fe.sha256
        WHERE inspections.subject_id = ${id} ORDER BY inspections.inspected_on DESC, findings.id LIMIT ${rows}`,
    ),
    queryRows<{ cases: number; evidence: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM cases WHERE cases.subject_id = ${id}) AS cases,
          (SELECT count(*)::int FROM findings JOIN inspections ON inspections.id = findings.inspection_id
             JOIN finding_evidence fe ON fe.finding_id = findings.id WHERE inspections.subject_id = ${id}) AS evidence`,
    ),
  ]);
  return {
    subject, operator: operator ?? null, identifiers, names, storeListings: listings,
    cases: caseRows, casesTotal: Number(totals[0]!.cases), evidence, evidenceTotal: Number(totals[0]!.evidence),
  };
}
export type SubjectDetail = Awaited<ReturnType<typeof getSubjectDetail>>;
