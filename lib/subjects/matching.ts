import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import type { IdentifierType } from '@/lib/domain/identifiers';
import { officeDateSql } from '@/lib/time';
import type { MatchReason, ProbableMatch } from '@/lib/registry/responses';

export type { MatchReason, ProbableMatch };

/**
 * "Probably the same as" (DESIGN §4): the subjects a new or known subject probably is, ranked by
 * shared identifiers — mini-program appid, package name, bundle id, certificate fingerprint, filing
 * root — and by the same operator (USCC) with a similar name (pg_trgm similarity). Each candidate
 * says why, and when it was removed (a likely re-registration after removal). The form, the API and
 * the import all call this one function.
 */
export interface MatchProbe {
  /** The subject itself, when it is already stored (excluded from its own candidates). */
  subjectId?: number;
  operatorId?: number | null;
  name: string;
  identifiers: { type: IdentifierType; matchValue: string }[];
}

const WEIGHT: Record<IdentifierType, number> = {
  mini_program_appid: 100, package_name: 100, bundle_id: 100, cert_sha256: 100, filing_number: 60,
};
/** Below this pg_trgm similarity, two names of one operator are not taken for the same subject. */
export const NAME_SIMILARITY_THRESHOLD = 0.3;

interface IdentifierHit { subjectId: number; type: IdentifierType; value: string }
interface NameHit { subjectId: number; similarity: number }

export async function findProbableMatches(db: Queryable, probe: MatchProbe, limit = 10): Promise<ProbableMatch[]> {
  const notSelf: SQL = probe.subjectId ? sql`AND subject_id <> ${probe.subjectId}` : sql``;
  const idHits = probe.identifiers.length
    ? await queryRows<IdentifierHit>(
        db,
        sql`SELECT subject_id AS "subjectId", type, value FROM subject_identifiers
          WHERE (${sql.join(probe.identifiers.map((i) => sql`(type = ${i.type} AND match_value = ${i.matchValue})`), sql` OR `)}) ${notSelf}
          LIMIT 500`,
      )
    : [];
  const nameHits = probe.operatorId && probe.name.trim()
    ? await queryRows<NameHit>(
        db,
        sql`SELECT id AS "subjectId", similarity(name, ${probe.name})::float8 AS similarity FROM subjects
          WHERE operator_id = ${probe.operatorId} ${probe.subjectId ? sql`AND id <> ${probe.subjectId}` : sql``}
            AND similarity(name, ${probe.name}) >= ${NAME_SIMILARITY_THRESHOLD}
          ORDER BY 2 DESC LIMIT 50`,
      )
    : [];

  const reasons = new Map<number, MatchReason[]>();
  const score = new Map<number, number>();
  const add = (id: number, reason: MatchReason, points: number) => {
    reasons.set(id, [...(reasons.get(id) ?? []), reason]);
    score.set(id, (score.get(id) ?? 0) + points);
  };
  for (const h of idHits) add(h.subjectId, { kind: 'identifier', type: h.type, value: h.value }, WEIGHT[h.type]);
  for (const h of nameHits) add(h.subjectId, { kind: 'operator_name', similarity: Math.round(h.similarity * 100) / 100 }, Math.round(50 * h.similarity));
  if (!reasons.size) return [];

  const ids = [...reasons.keys()];
  const details = await queryRows<Omit<ProbableMatch, 'score' | 'reasons'>>(
    db,
    sql`SELECT subjects.id AS "subjectId", subjects.name, subjects.kind, subjects.platform, operators.name AS "operatorName",
        (SELECT state FROM cases WHERE cases.subject_id = subjects.id ORDER BY opened_at DESC, id DESC LIMIT 1) AS "latestState",
        (SELECT ${officeDateSql(sql`min(COALESCE(first_removed_at, updated_at))`)}::text FROM cases
          WHERE cases.subject_id = subjects.id AND cases.state = 'removed') AS "removedOn"
      FROM subjects LEFT JOIN operators ON operators.id = subjects.operator_id
      WHERE subjects.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
  return details
    .map((d) => ({ ...d, score: score.get(d.subjectId)! + (d.removedOn ? 20 : 0), reasons: reasons.get(d.subjectId)! }))
    .sort((a, b) => b.score - a.score || a.subjectId - b.subjectId)
    .slice(0, limit);
}

/** The undecided candidates of a stored subject (pairs an inspector linked or dismissed are left out). */
export async function probableMatchesForSubject(db: Queryable, subjectId: number, limit = 10): Promise<ProbableMatch[]> {
  const [subject] = await queryRows<{ name: string; operatorId: number | null }>(db, sql`SELECT name, operator_id AS "operatorId" FROM subjects WHERE id = ${subjectId}`);
  if (!subject) return [];
  const identifiers = await queryRows<{ type: IdentifierType; matchValue: string }>(
    db,
    sql`SELECT type, match_value AS "matchValue" FROM subject_identifiers WHERE subject_id = ${subjectId}`,
  );
  const decided = new Set(
    (await queryRows<{ other: number }>(
      db,
      sql`SELECT CASE WHEN subject_id = ${subjectId} THEN other_subject_id ELSE subject_id END AS other
        FROM subject_links WHERE subject_id = ${subjectId} OR other_subject_id = ${subjectId}`,
    )).map((r) => r.other),
  );
  const all = await findProbableMatches(db, { subjectId, operatorId: subject.operatorId, name: subject.name, identifiers }, limit + decided.size);
  return all.filter((m) => !decided.has(m.subjectId)).slice(0, limit);
}
