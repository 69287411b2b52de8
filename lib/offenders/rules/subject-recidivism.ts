import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { inScope, scopedSubjects, TALLIED_RECIDIVISM_SUBJECTS, type FlagScope } from '../scope';
import type { RuleParams } from '../types';
import { upsertFlags, type RuleOutcome } from './upsert';
import { officeDateSql } from '@/lib/time';
import { FIXED_STATES, statesSql } from '@/lib/cases/ladder';

/**
 * `subject_recidivism` (DESIGN §4.2): a violation category found again on a subject by a later
 * inspection after a case with that category was closed as fixed (verified or reinstated). "Later"
 * means the case was opened after the fix was closed and its inspection is dated on or after that
 * day, at most `windowMonths` later; ≥ threshold such cases raise the flag. One flag per subject and
 * category (`subject:{id}/category:{code}`). Withdrawn cases do not count.
 */
export function refreshSubjectRecidivism(db: Queryable, scope: FlagScope, p: RuleParams): Promise<RuleOutcome> {
  const subs = scopedSubjects(scope);
  return upsertFlags(db, 'subject_recidivism', {
    // Pairs of cases first (a fixed case and a later one on the same subject, in the window), then the
    // categories they share: most subjects have a single case, so the findings are read for the pairs only.
    ctes: sql`
${scope.all && scope.tallied
  // The full recompute: only subjects with a fixed case and another counted one (their tallies, migration
  // 0028), each case read once with its inspection's categories, and only pairs sharing a category go on
  // to the findings (a probe per finding of every pair was 1.1M index probes at DESIGN §8 scale).
  ? sql`
tc AS MATERIALIZED (
  SELECT c.id, c.subject_id, c.state, c.closed_at, c.opened_at, c.inspection_id, i.inspected_on,
         ARRAY(SELECT f.category FROM findings f WHERE f.inspection_id = c.inspection_id) AS codes
  FROM cases c JOIN inspections i ON i.id = c.inspection_id
  WHERE ${p.enabled} AND c.state <> 'withdrawn' AND c.subject_id IN ${TALLIED_RECIDIVISM_SUBJECTS}
),
pairs AS (
  SELECT fx.subject_id, fx.id AS earlier_id, fx.state AS earlier_state, ${officeDateSql(sql`fx.closed_at`)} AS closed_on,
         fx.inspection_id AS earlier_inspection, l.id AS later_id, l.inspection_id AS later_inspection, l.inspected_on
  FROM tc fx
  JOIN tc l ON l.subject_id = fx.subject_id AND l.id <> fx.id AND l.opened_at > fx.closed_at
  WHERE fx.state IN (${statesSql(FIXED_STATES)}) AND fx.codes && l.codes
    AND l.inspected_on >= ${officeDateSql(sql`fx.closed_at`)}
    AND l.inspected_on <= ${officeDateSql(sql`fx.closed_at`)} + make_interval(months => ${p.windowMonths}::int)
),`
  : sql`
pairs AS (
  SELECT fx.subject_id, fx.id AS earlier_id, fx.state AS earlier_state, ${officeDateSql(sql`fx.closed_at`)} AS closed_on,
         fx.inspection_id AS earlier_inspection, l.id AS later_id, l.inspection_id AS later_inspection, li.inspected_on
  FROM cases fx
  JOIN cases l ON l.subject_id = fx.subject_id AND l.id <> fx.id AND l.state <> 'withdrawn' AND l.opened_at > fx.closed_at
  JOIN inspections li ON li.id = l.inspection_id
  WHERE ${p.enabled} AND fx.state IN (${statesSql(FIXED_STATES)}) AND ${inScope(scope, sql`fx.subject_id`, subs)}
    AND li.inspected_on >= ${officeDateSql(sql`fx.closed_at`)}
    AND li.inspected_on <= ${officeDateSql(sql`fx.closed_at`)} + make_interval(months => ${p.windowMonths}::int)
),`}
again AS (
  SELECT p.subject_id, lf.category, p.earlier_id, p.earlier_state, p.closed_on, p.later_id, p.inspected_on, max(lf.severity) AS severity
  FROM pairs p
  JOIN findings lf ON lf.inspection_id = p.later_inspection
  WHERE EXISTS (SELECT 1 FROM findings ef WHERE ef.inspection_id = p.earlier_inspection AND ef.category = lf.category)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
)`,
    candidates: sql`
SELECT 'subject:' || a.subject_id || '/category:' || a.category AS target_key, s.operator_id, a.subject_id, NULL::int AS campaign_id,
  (300 + 25 * least(count(DISTINCT a.later_id), 10) + 20 * (CASE max(a.severity) WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END))::int AS weight,
  jsonb_build_object(
    'rule', 'subject_recidivism', 'threshold', ${p.threshold}::int, 'windowMonths', ${p.windowMonths}::int,
    'subject', jsonb_build_object('id', s.id, 'name', s.name, 'kind', s.kind, 'platform', s.platform, 'sector', s.sector),
    'operator', CASE WHEN o.id IS NULL THEN NULL ELSE jsonb_build_object('id', o.id, 'name', o.name, 'uscc', o.uscc, 'region', coalesce(region_path(o.region_code), o.region_unmatched)) END,
    'category', jsonb_build_object('code', vc.code, 'labelZh', vc.label_zh, 'labelEn', vc.label_en),
    'fixedOn', min(a.closed_on), 'foundAgainOn', max(a.inspected_on),
    'earlierCases', jsonb_agg(DISTINCT jsonb_build_object('id', a.earlier_id, 'state', a.earlier_state, 'closedOn', a.closed_on)),
    'laterCases', jsonb_agg(DISTINCT jsonb_build_object('id', a.later_id, 'inspectedOn', a.inspected_on, 'severity', a.severity))
  ) AS explanation,
  ARRAY(SELECT DISTINCT x FROM unnest(array_agg(a.earlier_id) || array_agg(a.later_id)) AS x ORDER BY x) AS case_ids
FROM again a
JOIN subjects s ON s.id = a.subject_id
LEFT JOIN operators o ON o.id = s.operator_id
JOIN violation_categories vc ON vc.code = a.category
GROUP BY a.subject_id, a.category, s.id, o.id, vc.code
HAVING count(DISTINCT a.later_id) >= ${p.threshold}::int`,
    resolveWhere: inScope(scope, sql`f.subject_id`, subs),
  });
}
