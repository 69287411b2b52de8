import { and, count, countDistinct, eq, gte, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { cases, findings, inspections, offenderFlags, subjects } from '@/db/schema';
import { caseStateEnum } from '@/db/schema/enums';
import { isOverdueSql } from '@/lib/cases/overdue';

export type CaseState = (typeof caseStateEnum.enumValues)[number];

export interface SummaryFilters {
  campaign?: number;
  sector?: string;
  /** Inclusive inspection dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

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

function inspectionConditions(f: SummaryFilters): SQL[] {
  const where: SQL[] = [];
  if (f.campaign !== undefined) where.push(eq(inspections.campaignId, f.campaign));
  if (f.from) where.push(gte(inspections.inspectedOn, f.from));
  if (f.to) where.push(lte(inspections.inspectedOn, f.to));
  if (f.sector) where.push(eq(subjects.sector, f.sector));
  return where;
}

/** The headline figures of DESIGN §6 `GET /api/v1/stats/summary`, straight from the base tables. */
export async function getSummary(db: Queryable, f: SummaryFilters = {}): Promise<Summary> {
  const where = and(...inspectionConditions(f));
  const [subjectRow] = await db
    .select({ n: count() })
    .from(subjects)
    .where(f.sector ? eq(subjects.sector, f.sector) : undefined);

  const [inspectionRow] = await db
    .select({ n: count() })
    .from(inspections)
    .innerJoin(subjects, eq(subjects.id, inspections.subjectId))
    .where(where);

  const [findingRow] = await db
    .select({ n: count() })
    .from(findings)
    .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
    .innerJoin(subjects, eq(subjects.id, inspections.subjectId))
    .where(where);

  const caseRows = await db
    .select({
      state: cases.state,
      n: count(),
      ordered: count(cases.firstOrderedAt),
      notified: count(cases.firstNotifiedAt),
      removed: count(cases.firstRemovedAt),
      overdue: sql<number>`count(*) FILTER (WHERE ${isOverdueSql})`.mapWith(Number),
    })
    .from(cases)
    .innerJoin(inspections, eq(inspections.id, cases.inspectionId))
    .innerJoin(subjects, eq(subjects.id, cases.subjectId))
    .where(where)
    .groupBy(cases.state);

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

  const [flagRow] = await db
    .select({ operators: countDistinct(offenderFlags.operatorId), subjects: countDistinct(offenderFlags.subjectId) })
    .from(offenderFlags)
    .where(and(ne(offenderFlags.status, 'dismissed'), isNull(offenderFlags.resolvedAt), f.campaign !== undefined ? and(isNotNull(offenderFlags.campaignId), eq(offenderFlags.campaignId, f.campaign)) : undefined));

  return {
    subjects: subjectRow?.n ?? 0,
    inspections: inspectionRow?.n ?? 0,
    findings: findingRow?.n ?? 0,
    cases: { current, funnel, overdue },
    repeatOffenders: { operators: flagRow?.operators ?? 0, subjects: flagRow?.subjects ?? 0 },
  };
}

/** Findings per sector for the first chart. */
export async function getFindingsBySector(db: Queryable): Promise<{ sector: string; n: number }[]> {
  return db
    .select({ sector: subjects.sector, n: count() })
    .from(findings)
    .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
    .innerJoin(subjects, eq(subjects.id, inspections.subjectId))
    .groupBy(subjects.sector)
    .orderBy(sql`count(*) DESC`);
}
