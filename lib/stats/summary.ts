import { and, countDistinct, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { offenderFlags, statsCases, statsFindings, statsInspections, statsSubjects } from '@/db/schema';
import { caseStateEnum } from '@/db/schema/enums';
import { officeTodaySql } from '@/lib/cases/overdue';
import { cubeWhere, total } from './cube';
import type { StatsFilters } from './filters';

export type CaseState = (typeof caseStateEnum.enumValues)[number];

export interface Summary {
  subjects: number;
  inspections: number;
  findings: number;
  cases: {
    current: Record<CaseState, number>;
    funnel: { ordered: number; notified: number; removed: number };
    overdue: number;
  };
  repeatOffenders: { operators: number; subjects: number };
}

/**
 * The headline figures of DESIGN §6 `GET /api/v1/stats/summary`, read from the rollups (never a scan
 * of the findings). Subjects are the registered ones (sector, kind and platform apply); inspections,
 * findings and cases are those of inspections in the period and campaign.
 */
export async function getSummary(db: Queryable, f: StatsFilters = {}): Promise<Summary> {
  // Five independent reads: on Postgres they run side by side on the pool's connections.
  const [[subjectRow], [inspectionRow], [findingRow], caseRows, [flagRow]] = await Promise.all([
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
        overdue: total(sql`${statsCases.cases} * (${statsCases.state} IN ('ordered','notified') AND ${statsCases.deadline} < ${officeTodaySql})::int`),
      })
      .from(statsCases)
      .where(cubeWhere(statsCases, f))
      .groupBy(statsCases.state),
    db
      .select({ operators: countDistinct(offenderFlags.operatorId), subjects: countDistinct(offenderFlags.subjectId) })
      .from(offenderFlags)
      .where(and(ne(offenderFlags.status, 'dismissed'), isNull(offenderFlags.resolvedAt), f.campaign !== undefined ? eq(offenderFlags.campaignId, f.campaign) : undefined)),
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
    subjects: subjectRow?.n ?? 0,
    inspections: inspectionRow?.n ?? 0,
    findings: findingRow?.n ?? 0,
    cases: { current, funnel, overdue },
    repeatOffenders: { operators: flagRow?.operators ?? 0, subjects: flagRow?.subjects ?? 0 },
  };
}
