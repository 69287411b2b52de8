import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { inScope, scopedOperators, TALLIED_CASES, type FlagScope } from '../scope';
import type { RuleParams } from '../types';
import { EXPLAINED_CASES, upsertFlags, type RuleOutcome } from './upsert';

/**
 * `multi_line` (DESIGN §4.4, issue #15): an operator with cases on ≥ threshold distinct *products* in one
 * campaign. A product is its subjects joined by the same App / mini program filing number (the whole
 * number, `filing_number_key`) or the same name without platform and edition markers
 * (`product_name_key`; both SQL functions of migration 0015): an app on Android and iOS, its HD edition
 * and its mini program are one product line, not three. Counting subjects made two apps of one product a
 * "multi-line" operator (bench/multi-line-campaign.ts measures both).
 * One flag per operator and campaign (`operator:{id}/campaign:{id}`). Withdrawn cases do not count.
 * The explanation lists the latest EXPLAINED_CASES cases and the first EXPLAINED_CASES subjects (by id);
 * `caseCount`, `subjectCount`, `productCount` and `case_ids` count them all.
 */
export function refreshMultiLine(db: Queryable, scope: FlagScope, p: RuleParams): Promise<RuleOutcome> {
  const ops = scopedOperators(scope);
  return upsertFlags(db, 'multi_line', {
    ctes: sql`
base AS (${scope.all && scope.tallied
  // The full recompute: the counted cases of the operators whose tally can reach the threshold (TALLIED_CASES).
  ? sql`
  SELECT operator_id, campaign_id, case_id, inspected_on, subject_id, subject_name, kind, platform, state,
         count(*) OVER (PARTITION BY operator_id, campaign_id) AS cases_in
  FROM ${TALLIED_CASES}
  WHERE ${p.enabled} AND campaign_id IS NOT NULL`
  : sql`
  SELECT s.operator_id, i.campaign_id, c.id AS case_id, i.inspected_on, s.id AS subject_id, s.name AS subject_name, s.kind, s.platform, c.state,
         count(*) OVER (PARTITION BY s.operator_id, i.campaign_id) AS cases_in
  FROM cases c
  JOIN inspections i ON i.id = c.inspection_id
  JOIN subjects s ON s.id = c.subject_id
  WHERE ${p.enabled} AND c.state <> 'withdrawn' AND i.campaign_id IS NOT NULL AND s.operator_id IS NOT NULL
    AND ${inScope(scope, sql`s.operator_id`, ops)}`}
),
-- A group with fewer cases than the threshold has fewer products: its subjects' keys are not read.
-- Each subject's filing key once (its cases share it), its filing numbers probed by its key (a join was
-- planned as a hash of all 1M filing numbers for the 85k subjects of the bench's busy groups).
filings AS MATERIALIZED (
  SELECT d.subject_id, d.subject_name,
         (SELECT min(filing_number_key(si.value)) FROM subject_identifiers si
          WHERE si.subject_id = d.subject_id AND si.type = 'filing_number') AS filing_key
  FROM (SELECT DISTINCT subject_id, subject_name FROM base WHERE cases_in >= ${p.threshold}::int) d
),
fc AS (
  SELECT base.*, filings.filing_key FROM base JOIN filings ON filings.subject_id = base.subject_id WHERE cases_in >= ${p.threshold}::int
),
-- Every product key below is the name key of a subject without a filing number, or the least name key of
-- the subjects of one filing number: a group has at most as many products as it has filing numbers plus
-- subjects without one. Groups below the threshold by that count are dropped before their names are keyed
-- (product_name_key(): three regular expressions a name) and ranked: on the bench data no busy group has
-- three filing numbers, and the rule's CPU went 1.5 -> 1.2 s (at threshold 2, where nothing is dropped,
-- the extra step costs ~10 %).
possible AS (
  SELECT operator_id, campaign_id FROM fc GROUP BY operator_id, campaign_id
  HAVING count(DISTINCT filing_key) + count(DISTINCT subject_id) FILTER (WHERE filing_key IS NULL) >= ${p.threshold}::int
),
keys AS MATERIALIZED (
  SELECT d.subject_id, product_name_key(d.subject_name) AS name_key
  FROM (SELECT DISTINCT fc.subject_id, fc.subject_name FROM fc JOIN possible USING (operator_id, campaign_id)) d
),
mc AS (
  SELECT fc.*, keys.name_key
  FROM fc JOIN possible USING (operator_id, campaign_id) JOIN keys ON keys.subject_id = fc.subject_id
),
-- Products: subjects with one filing number take its least name key; then every subject takes the least
-- key among subjects of its name (two steps join "app + HD edition + mini program under another filing").
by_filing AS (
  SELECT mc.*, CASE WHEN filing_key IS NULL THEN name_key
                    ELSE min(name_key) OVER (PARTITION BY operator_id, campaign_id, filing_key) END AS k1
  FROM mc
),
products AS (
  SELECT by_filing.*, min(k1) OVER (PARTITION BY operator_id, campaign_id, name_key) AS product_key FROM by_filing
),
ranked AS (
  SELECT mc.*, row_number() OVER (PARTITION BY operator_id, campaign_id ORDER BY inspected_on DESC, case_id DESC) AS latest,
         dense_rank() OVER (PARTITION BY operator_id, campaign_id ORDER BY subject_id) AS subject_rank,
         dense_rank() OVER (PARTITION BY operator_id, campaign_id ORDER BY product_key) AS product_rank
  FROM products mc
),
-- Only the (operator, campaign) groups that reach the threshold are explained (the highest rank is the product count).
qualifying AS (
  SELECT * FROM (SELECT ranked.*, max(product_rank) OVER (PARTITION BY operator_id, campaign_id) AS products_in FROM ranked) r
  WHERE products_in >= ${p.threshold}::int
)`,
    candidates: sql`
SELECT 'operator:' || mc.operator_id || '/campaign:' || mc.campaign_id AS target_key, mc.operator_id, NULL::int AS subject_id, mc.campaign_id,
  (50 + 15 * least(count(DISTINCT mc.product_key), 20) + least(count(*), 50))::int AS weight,
  jsonb_build_object(
    'rule', 'multi_line', 'threshold', ${p.threshold}::int,
    'operator', jsonb_build_object('id', o.id, 'name', o.name, 'uscc', o.uscc, 'region', coalesce(region_path(o.region_code), o.region_unmatched)),
    'campaign', jsonb_build_object('id', cp.id, 'code', cp.code, 'nameZh', cp.name_zh, 'nameEn', cp.name_en, 'startsOn', cp.starts_on, 'endsOn', cp.ends_on),
    'from', min(mc.inspected_on), 'to', max(mc.inspected_on),
    'productCount', count(DISTINCT mc.product_key), 'subjectCount', count(DISTINCT mc.subject_id), 'caseCount', count(*),
    'subjects', jsonb_agg(DISTINCT jsonb_build_object('id', mc.subject_id, 'name', mc.subject_name, 'kind', mc.kind, 'platform', mc.platform))
      FILTER (WHERE mc.subject_rank <= ${EXPLAINED_CASES}),
    'cases', jsonb_agg(jsonb_build_object('id', mc.case_id, 'subjectId', mc.subject_id, 'subjectName', mc.subject_name, 'inspectedOn', mc.inspected_on, 'state', mc.state) ORDER BY mc.inspected_on, mc.case_id)
      FILTER (WHERE mc.latest <= ${EXPLAINED_CASES})
  ) AS explanation,
  array_agg(mc.case_id ORDER BY mc.case_id) AS case_ids
FROM qualifying mc JOIN operators o ON o.id = mc.operator_id JOIN campaigns cp ON cp.id = mc.campaign_id
GROUP BY mc.operator_id, mc.campaign_id, o.id, cp.id
HAVING count(DISTINCT mc.product_key) >= ${p.threshold}::int`,
    resolveWhere: inScope(scope, sql`f.operator_id`, ops),
  });
}
