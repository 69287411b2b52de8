import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { inScope, scopedOperators, TALLIED_CASES, type FlagScope } from '../scope';
import type { RuleParams } from '../types';
import { EXPLAINED_CASES, upsertFlags, type RuleOutcome } from './upsert';

/**
 * `operator_recurrence` (DESIGN §4.1): an operator with ≥ threshold cases from distinct inspections
 * whose inspection dates fit within `windowMonths` (a sliding window). One flag per operator
 * (`operator:{id}`); its evidence is every case lying in some qualifying window. Withdrawn cases
 * (false positives) do not count. Cases are one per inspection, so counting cases counts inspections.
 * The explanation lists the latest EXPLAINED_CASES cases; `caseCount` (and `case_ids`) hold them all.
 */
export function refreshOperatorRecurrence(db: Queryable, scope: FlagScope, p: RuleParams): Promise<RuleOutcome> {
  const ops = scopedOperators(scope);
  const win = sql`make_interval(months => ${p.windowMonths}::int)`;
  return upsertFlags(db, 'operator_recurrence', {
    ctes: sql`
-- No window of an operator with fewer counted cases than the threshold in all can reach it: only the
-- others' cases are read with their inspections and sorted (most operators have one or two cases).
-- The full recompute has them from the tallies the writes keep (TALLIED_CASES, migration 0028).
${scope.all && scope.tallied
  ? sql`oc AS (
  SELECT operator_id, case_id, inspection_id, inspected_on, subject_id, subject_name, state, campaign_id
  FROM ${TALLIED_CASES} WHERE ${p.enabled}
),`
  : sql`busy AS (
  SELECT s.operator_id FROM cases c JOIN subjects s ON s.id = c.subject_id
  WHERE ${p.enabled} AND c.state <> 'withdrawn' AND s.operator_id IS NOT NULL AND ${inScope(scope, sql`s.operator_id`, ops)}
  GROUP BY s.operator_id HAVING count(*) >= ${p.threshold}::int
),
oc AS (
  SELECT s.operator_id, c.id AS case_id, c.inspection_id, i.inspected_on, s.id AS subject_id, s.name AS subject_name, c.state, i.campaign_id
  FROM cases c
  JOIN inspections i ON i.id = c.inspection_id
  JOIN subjects s ON s.id = c.subject_id
  WHERE c.state <> 'withdrawn' AND s.operator_id IN (SELECT operator_id FROM busy)
),`}
counted AS (
  SELECT oc.*, count(*) OVER (PARTITION BY operator_id ORDER BY inspected_on RANGE BETWEEN CURRENT ROW AND ${win} FOLLOWING) AS n
  FROM oc
),
covered AS (
  -- The latest qualifying window start on or before each case: the case is evidence if that window reaches it.
  SELECT counted.*, max(CASE WHEN n >= ${p.threshold}::int THEN inspected_on END)
           OVER (PARTITION BY operator_id ORDER BY inspected_on RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS window_start
  FROM counted
),
ev AS (
  SELECT *, row_number() OVER (PARTITION BY operator_id ORDER BY inspected_on DESC, case_id DESC) AS latest
  FROM covered WHERE window_start IS NOT NULL AND inspected_on <= window_start + ${win}
)`,
    candidates: sql`
SELECT 'operator:' || ev.operator_id AS target_key, ev.operator_id, NULL::int AS subject_id, NULL::int AS campaign_id,
  (100 + 10 * least(count(*), 50) + 10 * least(count(DISTINCT ev.subject_id), 10))::int AS weight,
  jsonb_build_object(
    'rule', 'operator_recurrence', 'threshold', ${p.threshold}::int, 'windowMonths', ${p.windowMonths}::int,
    'operator', jsonb_build_object('id', o.id, 'name', o.name, 'uscc', o.uscc, 'region', coalesce(region_path(o.region_code), o.region_unmatched)),
    'from', min(ev.inspected_on), 'to', max(ev.inspected_on),
    'caseCount', count(*), 'subjectCount', count(DISTINCT ev.subject_id),
    'cases', jsonb_agg(jsonb_build_object('id', ev.case_id, 'inspectionId', ev.inspection_id, 'inspectedOn', ev.inspected_on,
      'subjectId', ev.subject_id, 'subjectName', ev.subject_name, 'state', ev.state, 'campaignId', ev.campaign_id) ORDER BY ev.inspected_on, ev.case_id)
      FILTER (WHERE ev.latest <= ${EXPLAINED_CASES})
  ) AS explanation,
  array_agg(ev.case_id ORDER BY ev.case_id) AS case_ids
FROM ev JOIN operators o ON o.id = ev.operator_id
GROUP BY ev.operator_id, o.id`,
    resolveWhere: inScope(scope, sql`f.operator_id`, ops),
  });
}
