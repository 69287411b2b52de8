import { getOperatorOrThrow } from '@/lib/registry/operators';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { cases, inspections, offenderFlags, subjects } from '@/db/schema';
import { CLOSED_STATES } from '@/lib/cases/ladder';

/** An operator, every subject it runs with each case (month, state), and its flags. */
export async function operatorPortfolio(db: Queryable, operatorId: number) {
  const operator = await getOperatorOrThrow(db, operatorId);
  const rows = await db
    .select({
      subjectId: subjects.id, name: subjects.name, kind: subjects.kind, platform: subjects.platform, sector: subjects.sector,
      caseId: cases.id, state: cases.state, month: sql<string | null>`to_char(${inspections.inspectedOn}, 'YYYY-MM')`,
    })
    .from(subjects)
    .leftJoin(cases, eq(cases.subjectId, subjects.id))
    .leftJoin(inspections, eq(inspections.id, cases.inspectionId))
    .where(eq(subjects.operatorId, operatorId))
    .orderBy(asc(subjects.kind), asc(subjects.platform), asc(subjects.name), asc(inspections.inspectedOn));
  const bySubject = new Map<number, { id: number; name: string; kind: string; platform: string; sector: string; cases: { id: number; state: string; month: string }[] }>();
  for (const r of rows) {
    const s = bySubject.get(r.subjectId) ?? { id: r.subjectId, name: r.name, kind: r.kind, platform: r.platform, sector: r.sector, cases: [] };
    if (r.caseId && r.month && r.state) s.cases.push({ id: r.caseId, state: r.state, month: r.month });
    bySubject.set(r.subjectId, s);
  }
  const flags = await db
    .select()
    .from(offenderFlags)
    .where(and(eq(offenderFlags.operatorId, operatorId)))
    .orderBy(desc(offenderFlags.weight), desc(offenderFlags.id));
  return { operator, subjects: [...bySubject.values()], flags };
}

/** Consecutive months (YYYY-MM) from the first to the last given, at most `max` (the latest ones). */
export function monthRange(months: string[], max = 24): string[] {
  if (!months.length) return [];
  const sorted = [...months].sort();
  const [y0, m0] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted[sorted.length - 1]!;
  const out: string[] = [];
  for (let y = y0, m = m0; ; ) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out.slice(-max);
}

export const isOpenState = (state: string) => !(CLOSED_STATES as readonly string[]).includes(state);
