import { isCampaignSql } from '@/lib/campaigns/sql';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { statsCases, statsFindings, statsInspections, statsSubjects } from '@/db/schema';
import { caseStateEnum } from '@/db/schema/enums';
import { overdueSql } from '@/lib/cases/ladder';
import { repeatOffenderCountsSql } from '@/lib/offenders/active';
import { cubeWhere, total } from './cube';
import { statsPeriod, type StatsFilters } from './filters';

import type { Summary } from './responses';

export type { Summary };

export type CaseState = (typeof caseStateEnum.enumValues)[number];

/**
 * Under a campaign, the subjects inspected in it (in the period, when one is set; sector, kind and
 * platform apply), from the inspections of that campaign (`inspections_campaign_idx`); else null.
 */
async function campaignSubjects(db: Queryable, f: StatsFilters): Promise<number | null> {
  if (f.campaign === undefined) return null;
  const p = statsPeriod(f);
  const parts: SQL[] = [isCampaignSql(sql`i.campaign_id`, f.campaign)];
  if (f.sector) parts.push(sql`s.sector = ${f.sector}`);
  if (f.kind) parts.push(sql`s.kind = ${f.kind}`);
  if (f.platform) parts.push(sql`s.platform = ${f.platform}`);
  if (p.from) parts.push(sql`i.inspected_on >= ${p.from}`);
  if (p.to) parts.push(sql`i.inspected_on <= ${p.to}`);
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(DISTINCT i.subject_id)::int AS n FROM inspections i JOIN subjects s ON s.id = i.subject_id WHERE ${sql.join(parts, sql` AND `)}`);
  return Number(row?.n ?? 0);
}

/**
 * The headline figures of DESIGN §6 `GET /api/v1/stats/summary`, read from the rollups (never a scan
 * of the findings, except the two set-sized reads below). Subjects are the registered ones (sector, kind
 * and platform apply), or under a campaign those inspected in it; inspections, findings and cases are
 * those of inspections in the period and campaign; repeat offenders are the operators and subjects under
 * an open or confirmed flag of any rule with a case in the campaign, sector, kind and platform (the
 * period does not apply: a flag spans months). Each links to the list that shows exactly them
 * (lib/stats/drill.ts).
 */
export async function getSummary(db: Queryable, f: StatsFilters = {}): Promise<Summary> {
  // Five independent reads: on Postgres they run side by side on the pool's connections.
  const [[subjectRow], [inspectionRow], [findingRow], caseRows, [flagRow], inCampaign] = await Promise.all([
    db.select({ n: total(statsSubjects.subjects) }).from(statsSubjects).where(cubeWhere(statsSubjects, f)),
    db.select({ n: total(statsInspections.inspections) }).from(statsInspections).where(cubeWhere(statsInspections, f)),
    db.select({ n: total(statsFindings.findings) }).from(statsFindings).where(cubeWhere(statsFindings, f)),
    db
      .select({
        state: statsCases.state,
        n: total(statsCases.cases),
        ordered: total(statsCases.ordered),
        notified: total(statsCases.notified),
        removed: total(statsCases.removed),
        overdue: total(sql`${statsCases.cases} * ${overdueSql(statsCases.state, statsCases.deadline)}::int`),
      })
      .from(statsCases)
      .where(cubeWhere(statsCases, f))
      .groupBy(statsCases.state),
    queryRows<{ operators: number; subjects: number }>(db, repeatOffenderCountsSql(f)),
    campaignSubjects(db, f),
  ]);

  const current = Object.fromEntries(caseStateEnum.enumValues.map((s) => [s, 0])) as Record<CaseState, number>;
  const funnel = { ordered: 0, notified: 0, removed: 0 };
  let overdue = 0;
  for (const r of caseRows) {
    current[r.state] = r.n;
    funnel.ordered += r.ordered;
    funnel.notified += r.notified;
    funnel.removed += r.removed;
    overdue += r.overdue;
  }

  return {
    subjects: inCampaign ?? subjectRow?.n ?? 0,
    inspections: inspectionRow?.n ?? 0,
    findings: findingRow?.n ?? 0,
    cases: { current, funnel, overdue },
    repeatOffenders: { operators: Number(flagRow?.operators ?? 0), subjects: Number(flagRow?.subjects ?? 0) },
  };
}
