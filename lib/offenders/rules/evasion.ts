import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { intArray, SCOPE_SUBJECTS, scopedOperators, type FlagScope } from '../scope';
import type { RuleParams } from '../types';
import { upsertFlags, type RuleOutcome } from './upsert';
import { officeDateSql } from '@/lib/time';

/** Names this similar (pg_trgm) count as "the same product renamed". */
export const SIMILAR_NAME = 0.5;

/** `name` is similar to the current name of subject row `y` or any name it had (index lookups per pair). */
function similarToY(y: SQL, name: SQL): SQL {
  return sql`(similarity(${y}.name, ${name}) >= ${SIMILAR_NAME}
    OR EXISTS (SELECT 1 FROM subject_names yn WHERE yn.subject_id = ${y}.id AND similarity(yn.name, ${name}) >= ${SIMILAR_NAME}))`;
}

/**
 * `evasion` (DESIGN §4.3): subject X shares a strong identifier with a *different* subject Y that was
 * removed (a case of Y in `removed`), and X was registered after that removal or is still listed (a
 * store listing not older than the removal): "likely re-registered after removal on {date}".
 *
 * What counts as shared (docs/decisions/0004-evasion-matching.md):
 *  - the same mini_program_appid, package_name, bundle_id or cert_sha256 (normalised match values);
 *  - the same filing root only with a different operator or a similar name — a filing root belongs to
 *    the filer, so every app of one company shares it;
 *  - the same operator (USCC) with a very similar name (similarity ≥ 0.5 with any name Y ever had).
 * X must not itself be removed; pairs an inspector marked "not the same" (subject_links) are skipped.
 * One flag per X (`subject:{id}`); its evidence is the removal cases of every Y it matches.
 */
export function refreshEvasion(db: Queryable, scope: FlagScope, p: RuleParams): Promise<RuleOutcome> {
  // A touched subject can change the verdict on: itself, subjects sharing any identifier with it when
  // it is removed (only a removed subject is matched against; one that stopped being removed is in the
  // flags it was evidence of), subjects of the same operator, and subjects already flagged because of it.
  const related = scope.all
    ? sql``
    : sql`
touched AS (
  ${scope.tables ? sql`SELECT id FROM ${SCOPE_SUBJECTS}` : sql`SELECT unnest(${intArray(scope.subjectIds)}) AS id`}
  UNION SELECT id FROM subjects WHERE operator_id IN ${scopedOperators(scope)}
),
related AS (
  SELECT id FROM touched
  UNION SELECT o.subject_id FROM subject_identifiers t JOIN subject_identifiers o ON o.type = t.type AND o.match_value = t.match_value
        WHERE t.subject_id IN (SELECT id FROM touched)
          AND EXISTS (SELECT 1 FROM cases rc WHERE rc.subject_id = t.subject_id AND rc.state = 'removed')
  -- Each evasion flag's few cases probed by id (an overlap with an array of every touched subject's
  -- cases compared each flag with tens of thousands of ids at an import's scope).
  UNION SELECT f.subject_id FROM offender_flags f
        WHERE f.rule = 'evasion' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = ANY(f.case_ids) AND c.subject_id IN (SELECT id FROM touched))
),`;
  const inRelated = (id: SQL) => (scope.all ? sql`TRUE` : sql`${id} IN (SELECT id FROM related)`);
  return upsertFlags(db, 'evasion', {
    // Matched per removed SUBJECT, then spread over its removal cases: a subject removed after each of
    // its inspections was matched once per case (4× on the bench's repeat tier), and each name of the
    // removed subject's operator's other subjects was compared twice (filing root, then USCC): now once.
    ctes: sql`${related}
removed AS MATERIALIZED (
  SELECT c.subject_id AS y, c.id AS case_id, coalesce(c.first_removed_at, c.updated_at) AS removed_at
  FROM cases c WHERE ${p.enabled} AND c.state = 'removed'
),
-- Each removed subject once, by its key (a LATERAL probe each: a join was planned as a hash of every subject).
ry AS MATERIALIZED (
  SELECT ys.id, ys.operator_id, ys.name
  FROM (SELECT DISTINCT y FROM removed) r CROSS JOIN LATERAL (SELECT id, operator_id, name FROM subjects WHERE id = r.y OFFSET 0) ys
),
-- The other subjects of a removed subject's operator, each compared by name once: a similar one matches
-- by the operator's USCC, and a filing root shared with one that is not similar does not count.
siblings AS MATERIALIZED (
  SELECT ys.id AS y, x.id AS x, ys.operator_id, ${similarToY(sql`ys`, sql`x.name`)} AS similar
  FROM ry ys JOIN subjects x ON x.operator_id = ys.operator_id AND x.id <> ys.id
  WHERE ${inRelated(sql`x.id`)}
),
links AS (
  SELECT ys.id AS y, xi.subject_id AS x, yi.type::text AS via, xi.value
  FROM ry ys
  JOIN subject_identifiers yi ON yi.subject_id = ys.id
  JOIN subject_identifiers xi ON xi.type = yi.type AND xi.match_value = yi.match_value AND xi.subject_id <> ys.id
  WHERE ${inRelated(sql`xi.subject_id`)}
    -- A filing root counts with another operator (or none on one side), or with the same one and a similar name.
    AND (yi.type <> 'filing_number'
         OR (ys.operator_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM siblings sb WHERE sb.y = ys.id AND sb.x = xi.subject_id AND NOT sb.similar))
         OR (ys.operator_id IS NULL
             AND ((SELECT x.operator_id FROM subjects x WHERE x.id = xi.subject_id) IS NOT NULL
                  OR ${similarToY(sql`ys`, sql`(SELECT x.name FROM subjects x WHERE x.id = xi.subject_id)`)})))
  UNION ALL
  SELECT sb.y, sb.x, 'operator_uscc', o.uscc
  FROM siblings sb JOIN operators o ON o.id = sb.operator_id
  WHERE sb.similar
),
pairs AS (
  SELECT l.x, rm.y, rm.case_id, rm.removed_at,
         jsonb_agg(DISTINCT jsonb_build_object('type', l.via, 'value', l.value)) AS via,
         bool_or(x.created_at > rm.removed_at) AS registered_after
  FROM links l
  JOIN removed rm ON rm.y = l.y
  CROSS JOIN LATERAL (SELECT id, created_at FROM subjects WHERE id = l.x OFFSET 0) x
  WHERE NOT EXISTS (SELECT 1 FROM removed xr WHERE xr.y = l.x)
    AND NOT EXISTS (SELECT 1 FROM subject_links sl WHERE sl.verdict = 'dismissed'
                    AND sl.subject_id = least(l.x, rm.y) AND sl.other_subject_id = greatest(l.x, rm.y))
    AND (x.created_at > rm.removed_at OR EXISTS (
          SELECT 1 FROM store_listings st WHERE st.subject_id = l.x
            AND (st.seen_on IS NULL OR st.seen_on >= ${officeDateSql(sql`rm.removed_at`)})))
  GROUP BY l.x, rm.y, rm.case_id, rm.removed_at
)`,
    candidates: sql`
SELECT 'subject:' || p.x AS target_key, x.operator_id, p.x AS subject_id, NULL::int AS campaign_id,
  (1000 + 100 * least(count(DISTINCT p.y), 5) + 20 * least(count(*), 10))::int AS weight,
  jsonb_build_object(
    'rule', 'evasion', 'threshold', ${p.threshold}::int, 'similarity', ${SIMILAR_NAME}::real,
    'subject', jsonb_build_object('id', x.id, 'name', x.name, 'kind', x.kind, 'platform', x.platform, 'sector', x.sector,
      'registeredOn', ${officeDateSql(sql`x.created_at`)}),
    'operator', CASE WHEN xo.id IS NULL THEN NULL ELSE jsonb_build_object('id', xo.id, 'name', xo.name, 'uscc', xo.uscc, 'region', coalesce(region_path(xo.region_code), xo.region_unmatched)) END,
    'removedOn', min(${officeDateSql(sql`p.removed_at`)}),
    'matches', jsonb_agg(jsonb_build_object(
      'subjectId', y.id, 'name', y.name, 'operatorId', yo.id, 'operatorName', yo.name,
      'removedCaseId', p.case_id, 'removedOn', ${officeDateSql(sql`p.removed_at`)},
      'registeredAfter', p.registered_after, 'via', p.via) ORDER BY p.removed_at, p.case_id)
  ) AS explanation,
  array_agg(DISTINCT p.case_id ORDER BY p.case_id) AS case_ids
FROM pairs p
-- The subjects probed by key (joins were planned as hashes of all 1M subjects, twice).
CROSS JOIN LATERAL (SELECT id, name, kind, platform, sector, created_at, operator_id FROM subjects WHERE id = p.x OFFSET 0) x
LEFT JOIN operators xo ON xo.id = x.operator_id
CROSS JOIN LATERAL (SELECT id, name, operator_id FROM subjects WHERE id = p.y OFFSET 0) y
LEFT JOIN operators yo ON yo.id = y.operator_id
GROUP BY p.x, x.id, x.name, x.kind, x.platform, x.sector, x.created_at, x.operator_id, xo.id
HAVING count(DISTINCT p.y) >= ${p.threshold}::int`,
    resolveWhere: scope.all ? sql`TRUE` : sql`f.subject_id IN (SELECT id FROM related)`,
  });
}
