import { asc, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { sectors, statsCaseFlow, statsCases, statsFindings, violationCategories } from '@/db/schema';
import { overdueSql } from '@/lib/cases/ladder';
import { cubeWhere, findingsPer, monthKey, total } from './cube';
import { statsPeriod, type StatsFilters } from './filters';

import type { Labelled, SectorSeries, BySector, CategoryShare, ByCategory, TrendPoint, Trend } from './responses';

export type { Labelled, SectorSeries, BySector, CategoryShare, ByCategory, TrendPoint, Trend };

const sectorLabels = (db: Queryable) =>
  db.select({ code: sectors.code, labelZh: sectors.labelZh, labelEn: sectors.labelEn }).from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.code));
const categoryLabels = (db: Queryable) =>
  db
    .select({ code: violationCategories.code, labelZh: violationCategories.labelZh, labelEn: violationCategories.labelEn })
    .from(violationCategories)
    .orderBy(asc(violationCategories.sortOrder), asc(violationCategories.code));

export async function getBySector(db: Queryable, f: StatsFilters = {}): Promise<BySector> {
  const findingRows = (await findingsPer(db, f, statsFindings.sector, statsFindings.category)).map((r) => ({ sector: r.key, category: r.key2, n: r.n }));
  const caseRows = await db
    .select({
      sector: statsCases.sector,
      cases: total(statsCases.cases),
      overdue: total(sql`${statsCases.cases} * ${overdueSql(statsCases.state, statsCases.deadline)}::int`),
    })
    .from(statsCases)
    .where(cubeWhere(statsCases, f))
    .groupBy(statsCases.sector);
  const [sectorList, categoryList] = await Promise.all([sectorLabels(db), categoryLabels(db)]);

  const bySector = new Map<string, SectorSeries>();
  const row = (code: string) => {
    let r = bySector.get(code);
    if (!r) {
      const l = sectorList.find((s) => s.code === code) ?? { code, labelZh: code, labelEn: code };
      r = { ...l, findings: 0, cases: 0, overdue: 0, byCategory: {} };
      bySector.set(code, r);
    }
    return r;
  };
  const used = new Set<string>();
  for (const r of findingRows) {
    if (!r.n) continue;
    const s = row(r.sector);
    s.findings += r.n;
    s.byCategory[r.category] = (s.byCategory[r.category] ?? 0) + r.n;
    used.add(r.category);
  }
  for (const r of caseRows) {
    if (!r.cases) continue;
    const s = row(r.sector);
    s.cases += r.cases;
    s.overdue += r.overdue;
  }
  const order = new Map(sectorList.map((s, i) => [s.code, i]));
  return {
    period: statsPeriod(f),
    categories: categoryList.filter((c) => used.has(c.code)),
    sectors: [...bySector.values()].sort((a, b) => b.findings - a.findings || (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999)),
  };
}

export async function getByCategory(db: Queryable, f: StatsFilters = {}): Promise<ByCategory> {
  const rows = (await findingsPer(db, f, statsFindings.category)).map((r) => ({ category: r.key, n: r.n }));
  const labels = await categoryLabels(db);
  const sum = rows.reduce((a, r) => a + r.n, 0);
  const categories = rows
    .filter((r) => r.n > 0)
    .map((r) => ({ ...(labels.find((l) => l.code === r.category) ?? { code: r.category, labelZh: r.category, labelEn: r.category }), findings: r.n, share: sum ? r.n / sum : 0 }))
    .sort((a, b) => b.findings - a.findings || a.code.localeCompare(b.code));
  return { period: statsPeriod(f), total: sum, categories };
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export async function getTrend(db: Queryable, f: StatsFilters = {}): Promise<Trend> {
  const findingRows = await db
    .select({ month: monthKey(statsFindings.month), n: total(statsFindings.findings) })
    .from(statsFindings)
    .where(cubeWhere(statsFindings, f))
    .groupBy(statsFindings.month);
  const flowRows = await db
    .select({ month: monthKey(statsCaseFlow.eventMonth), opened: total(statsCaseFlow.opened), closed: total(statsCaseFlow.closed) })
    .from(statsCaseFlow)
    .where(cubeWhere({ ...statsCaseFlow, month: statsCaseFlow.eventMonth }, f))
    .groupBy(statsCaseFlow.eventMonth);

  const period = statsPeriod(f);
  const points = new Map<string, TrendPoint>();
  const at = (month: string) => {
    let p = points.get(month);
    if (!p) points.set(month, (p = { month, findings: 0, opened: 0, closed: 0 }));
    return p;
  };
  for (const r of findingRows) if (r.n) at(r.month).findings += r.n;
  for (const r of flowRows) {
    if (!r.opened && !r.closed) continue;
    at(r.month).opened += r.opened;
    at(r.month).closed += r.closed;
  }
  const keys = [...points.keys()].sort();
  const first = period.from?.slice(0, 7) ?? keys[0];
  const last = period.to?.slice(0, 7) ?? keys[keys.length - 1];
  const months = first && last ? monthsBetween(first, last).map((m) => points.get(m) ?? { month: m, findings: 0, opened: 0, closed: 0 }) : [];
  return { period, months };
}
