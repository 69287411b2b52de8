/**
 * "Flagged": under a repeat-offender flag of any rule that is under review or confirmed (not dismissed)
 * and whose condition still holds. The dashboard's repeat-offender figures count these, and the
 * operator and subject lists' `flagged=active` shows them, under the same scope: a flag is in the
 * scope of a campaign, sector, kind or platform when one of the cases behind it is.
 */
import type { CampaignRef } from '@/lib/campaigns/ref';
import { isCampaignSql } from '@/lib/campaigns/sql';
import { sql, type SQL } from 'drizzle-orm';

export interface FlagScopeFilters {
  campaign?: CampaignRef;
  sector?: string;
  kind?: string;
  platform?: string;
}

/** The flag `alias` has a case in the scope (true when the scope is empty). */
export function flagInScopeSql(f: FlagScopeFilters, alias = 'offender_flags'): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.campaign !== undefined) parts.push(isCampaignSql(sql`fi.campaign_id`, f.campaign));
  if (f.sector) parts.push(sql`fs.sector = ${f.sector}`);
  if (f.kind) parts.push(sql`fs.kind = ${f.kind}`);
  if (f.platform) parts.push(sql`fs.platform = ${f.platform}`);
  if (!parts.length) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM cases fc JOIN inspections fi ON fi.id = fc.inspection_id JOIN subjects fs ON fs.id = fc.subject_id
    WHERE fc.id = ANY(${a}.case_ids) AND ${sql.join(parts, sql` AND `)})`;
}

/** Flags (`alias`) that count: not dismissed, condition holding, in the scope. */
export function activeFlagSql(f: FlagScopeFilters, alias = 'offender_flags'): SQL {
  const a = sql.raw(alias);
  return sql`${a}.status <> 'dismissed' AND ${a}.resolved_at IS NULL AND ${flagInScopeSql(f, alias)}`;
}

/** `operatorId IN (operators under an active flag in scope)`: the operator list's `flagged=active`. */
export function operatorFlaggedFilterSql(operatorId: SQL, f: FlagScopeFilters): SQL {
  return sql`${operatorId} IN (SELECT af.operator_id FROM offender_flags af WHERE af.operator_id IS NOT NULL AND ${activeFlagSql(f, 'af')})`;
}

/** `subjectId IN (subjects under an active flag of their own in scope)`: the subject list's `flagged=active`. */
export function subjectFlaggedFilterSql(subjectId: SQL, f: FlagScopeFilters): SQL {
  return sql`${subjectId} IN (SELECT af.subject_id FROM offender_flags af WHERE af.subject_id IS NOT NULL AND ${activeFlagSql(f, 'af')})`;
}

/** The dashboard's `repeatOffenders`: distinct operators and subjects under active flags in scope. */
export function repeatOffenderCountsSql(f: FlagScopeFilters): SQL {
  return sql`SELECT count(DISTINCT af.operator_id)::int AS operators, count(DISTINCT af.subject_id)::int AS subjects
    FROM offender_flags af WHERE ${activeFlagSql(f, 'af')}`;
}
