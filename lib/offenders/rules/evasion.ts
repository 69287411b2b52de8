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
  const xInScope = scope.all ? sql`TRUE` : sql`x.id IN (SELECT id FROM related)`;
  return upsertFlags(db, 'evasion', {
    ctes: sql`${related}
removed AS (
  SELECT c.subject_id AS y, c.id AS case_id, coalesce(c.first_removed_at, c.updated_at) AS removed_at
  FROM cases c WHERE ${p.enabled} AND c.state = 'removed'
),
links AS (
  SELECT rm.y, rm.case_id, rm.removed_at, x.id AS x, yi.type::text AS via, xi.value
  FROM removed rm
  JOIN subjects ys ON ys.id = rm.y
  JOIN subject_identifiers yi ON yi.subject_id = rm.y
  JOIN subject_identifiers xi ON xi.type = yi.type AND xi.match_value = yi.match_value AND xi.subject_id <> rm.y
  JOIN subjects x ON x.id = xi.subject_id
  WHERE ${xInScope}
    AND (yi.type <> 'filing_number' OR x.operator_id IS DISTINCT FROM ys.operator_id
         OR ${similarToY(sql`ys`, sql`x.name`)})
  UNION ALL
  SELECT rm.y, rm.case_id, rm.removed_at, x.id, 'operator_uscc', o.uscc
  FROM removed rm
  JOIN subjects ys ON ys.id = rm.y
  JOIN subjects x ON x.operator_id = ys.operator_id AND x.id <> ys.id
  JOIN operators o ON o.id = ys.operator_id
  WHERE ${xInScope} AND ${similarToY(sql`ys`, sql`x.name`)}
),
pairs AS (
  SELECT l.x, l.y, l.case_id, l.removed_at,
         jsonb_agg(DISTINCT jsonb_build_object('type', l.via, 'value', l.value)) AS via,
         bool_or(x.created_at > l.removed_at) AS registered_after
  FROM links l JOIN subjects x ON x.id = l.x
  WHERE NOT EXISTS (SELECT 1 FROM cases xc WHERE xc.subject_id = l.x AND xc.state = 'removed')
    AND NOT EXISTS (SELECT 1 FROM subject_links sl WHERE sl.verdict = 'dismissed'
                    AND sl.subject_id = least(l.x, l.y) AND sl.other_subject_id = greatest(l.x, l.y))
    AND (x.created_at > l.removed_at OR EXISTS (
          SELECT 1 FROM store_listings st WHERE st.subject_id = l.x
            AND (st.seen_on IS NULL OR st.seen_on >= ${officeDateSql(sql`l.removed_at`)})))
  GROUP BY l.x, l.y, l.case_id, l.removed_at
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
JOIN subjects x ON x.id = p.x
LEFT JOIN operators xo ON xo.id = x.operator_id
JOIN subjects y ON y.id = p.y
LEFT JOIN operators yo ON yo.id = y.operator_id
GROUP BY p.x, x.id, xo.id
HAVING count(DISTINCT p.y) >= ${p.threshold}::int`,
    resolveWhere: scope.all ? sql`TRUE` : sql`f.subject_id IN (SELECT id FROM related)`,
  });
}
