/**
 * Ground truth for the dashboard figures: plain GROUP BYs over the base tables, written
 * independently of the rollups (lib/stats reads only the rollups), to compare them against.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import { DURATION_BUCKETS } from '../../lib/stats/breakdown';
import { statsPeriod, type StatsFilters } from '../../lib/stats/filters';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/** Filters on inspections `i` and subjects `s`, the period widened to whole months. */
function where(f: StatsFilters, withDates = true): SQL {
  const p = statsPeriod(f);
  const parts: SQL[] = [sql`true`];
  if (f.campaign !== undefined) parts.push(sql`i.campaign_id = ${f.campaign}`);
  if (f.sector) parts.push(sql`s.sector = ${f.sector}`);
  if (f.kind) parts.push(sql`s.kind = ${f.kind}`);
  if (f.platform) parts.push(sql`s.platform = ${f.platform}`);
  if (withDates && p.from) parts.push(sql`i.inspected_on >= ${p.from}`);
  if (withDates && p.to) parts.push(sql`i.inspected_on <= ${p.to}`);
  return sql.join(parts, sql` AND `);
}

const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const CASES = sql`cases c JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = i.subject_id`;

export async function truthSummary(db: Queryable, f: StatsFilters) {
  const subjectWhere: SQL[] = [sql`true`];
  if (f.sector) subjectWhere.push(sql`s.sector = ${f.sector}`);
  if (f.kind) subjectWhere.push(sql`s.kind = ${f.kind}`);
  if (f.platform) subjectWhere.push(sql`s.platform = ${f.platform}`);
  // Under a campaign: the subjects inspected in it (in the period); else every registered one.
  const [subjects] = await queryRows<Row>(
    db,
    f.campaign !== undefined
      ? sql`SELECT count(DISTINCT i.subject_id) n FROM inspections i JOIN subjects s ON s.id = i.subject_id WHERE ${where(f)}`
      : sql`SELECT count(*) n FROM subjects s WHERE ${sql.join(subjectWhere, sql` AND `)}`,
  );
  const [inspections] = await queryRows<Row>(db, sql`SELECT count(*) n FROM inspections i JOIN subjects s ON s.id = i.subject_id WHERE ${where(f)}`);
  const [findings] = await queryRows<Row>(
    db,
    sql`SELECT count(*) n FROM findings x JOIN inspections i ON i.id = x.inspection_id JOIN subjects s ON s.id = i.subject_id WHERE ${where(f)}`,
  );
  const states = await queryRows<Row>(db, sql`SELECT c.state, count(*) n FROM ${CASES} WHERE ${where(f)} GROUP BY c.state`);
  const [funnel] = await queryRows<Row>(
    db,
    sql`SELECT count(c.first_ordered_at) ordered, count(c.first_notified_at) notified, count(c.first_removed_at) removed,
      count(*) FILTER (WHERE c.state IN ('ordered','notified') AND c.deadline < ${TODAY}) overdue
      FROM ${CASES} WHERE ${where(f)}`,
  );
  return {
    subjects: num(subjects!.n),
    inspections: num(inspections!.n),
    findings: num(findings!.n),
    current: Object.fromEntries(states.map((r) => [r.state as string, num(r.n)])),
    funnel: { ordered: num(funnel!.ordered), notified: num(funnel!.notified), removed: num(funnel!.removed) },
    overdue: num(funnel!.overdue),
  };
}

export async function truthBySector(db: Queryable, f: StatsFilters) {
  const findings = await queryRows<Row>(
    db,
    sql`SELECT s.sector, x.category, count(*) n FROM findings x JOIN inspections i ON i.id = x.inspection_id JOIN subjects s ON s.id = i.subject_id
      WHERE ${where(f)} GROUP BY 1, 2`,
  );
  const cases = await queryRows<Row>(
    db,
    sql`SELECT s.sector, count(*) n, count(*) FILTER (WHERE c.state IN ('ordered','notified') AND c.deadline < ${TODAY}) overdue
      FROM ${CASES} WHERE ${where(f)} GROUP BY 1`,
  );
  const out: Record<string, { findings: number; cases: number; overdue: number; byCategory: Record<string, number> }> = {};
  const at = (k: string) => (out[k] ??= { findings: 0, cases: 0, overdue: 0, byCategory: {} });
  for (const r of findings) {
    at(r.sector as string).findings += num(r.n);
    at(r.sector as string).byCategory[r.category as string] = num(r.n);
  }
  for (const r of cases) Object.assign(at(r.sector as string), { cases: num(r.n), overdue: num(r.overdue) });
  return out;
}

export async function truthByCategory(db: Queryable, f: StatsFilters) {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT x.category, count(*) n FROM findings x JOIN inspections i ON i.id = x.inspection_id JOIN subjects s ON s.id = i.subject_id
      WHERE ${where(f)} GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.category as string, num(r.n)]));
}

/** Months with any finding (inspection month), case opened or closed (office calendar month). */
export async function truthTrend(db: Queryable, f: StatsFilters) {
  const p = statsPeriod(f);
  const inPeriod = (m: string) => (!p.from || m >= p.from.slice(0, 7)) && (!p.to || m <= p.to.slice(0, 7));
  const findings = await queryRows<Row>(
    db,
    sql`SELECT to_char(i.inspected_on, 'YYYY-MM') m, count(*) n FROM findings x JOIN inspections i ON i.id = x.inspection_id
      JOIN subjects s ON s.id = i.subject_id WHERE ${where(f)} GROUP BY 1`,
  );
  const opened = await queryRows<Row>(
    db,
    sql`SELECT to_char(c.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') m, count(*) n FROM ${CASES} WHERE ${where(f, false)} GROUP BY 1`,
  );
  const closed = await queryRows<Row>(
    db,
    sql`SELECT to_char(c.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') m, count(*) n FROM ${CASES}
      WHERE ${where(f, false)} AND c.closed_at IS NOT NULL GROUP BY 1`,
  );
  const out: Record<string, { findings: number; opened: number; closed: number }> = {};
  const at = (m: string) => (out[m] ??= { findings: 0, opened: 0, closed: 0 });
  for (const r of findings) at(r.m as string).findings = num(r.n);
  for (const r of opened) if (inPeriod(r.m as string)) at(r.m as string).opened = num(r.n);
  for (const r of closed) if (inPeriod(r.m as string)) at(r.m as string).closed = num(r.n);
  return out;
}

export async function truthBreakdown(db: Queryable, f: StatsFilters) {
  const platformFindings = await queryRows<Row>(
    db,
    sql`SELECT s.platform, count(*) n FROM findings x JOIN inspections i ON i.id = x.inspection_id JOIN subjects s ON s.id = i.subject_id
      WHERE ${where(f)} GROUP BY 1`,
  );
  const platformCases = await queryRows<Row>(db, sql`SELECT s.platform, count(*) n FROM ${CASES} WHERE ${where(f)} GROUP BY 1`);
  const stores = await queryRows<Row>(
    db,
    sql`SELECT l.store, count(*) n FROM ${CASES} JOIN store_listings l ON l.subject_id = s.id WHERE ${where(f)} GROUP BY 1`,
  );
  const durations = sql`SELECT floor(extract(epoch FROM v.at - o.at) / 86400)::int AS days FROM ${CASES}
      JOIN case_events v ON v.case_id = c.id AND v.to_state = 'verified'
      JOIN LATERAL (SELECT min(e.at) at FROM case_events e WHERE e.case_id = c.id AND e.to_state = 'ordered') o ON o.at IS NOT NULL
      WHERE ${where(f)}`;
  const [pct] = await queryRows<Row>(
    db,
    sql`SELECT count(*) n, percentile_disc(0.5) WITHIN GROUP (ORDER BY days) median, percentile_disc(0.9) WITHIN GROUP (ORDER BY days) p90 FROM (${durations}) d`,
  );
  const [hist] = await queryRows<Row>(
    db,
    sql`SELECT ${sql.join(DURATION_BUCKETS.map(([from, to], k) => sql`count(*) FILTER (WHERE days >= ${from}${to === null ? sql`` : sql` AND days <= ${to}`}) AS ${sql.raw(`b${k}`)}`), sql`, `)} FROM (${durations}) d`,
  );
  const operators = await queryRows<Row>(
    db,
    sql`SELECT s.operator_id, count(*) n, count(*) FILTER (WHERE c.closed_at IS NULL) open FROM ${CASES}
      WHERE ${where(f)} AND s.operator_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
  );
  return {
    platforms: Object.fromEntries(platformFindings.map((r) => [r.platform as string, num(r.n)])),
    platformCases: Object.fromEntries(platformCases.map((r) => [r.platform as string, num(r.n)])),
    stores: Object.fromEntries(stores.map((r) => [r.store as string, num(r.n)])),
    verified: num(pct!.n),
    median: pct!.median === null ? null : num(pct!.median),
    p90: pct!.p90 === null ? null : num(pct!.p90),
    buckets: DURATION_BUCKETS.map((_, k) => num(hist![`b${k}`])),
    operators: operators.map((r) => ({ operatorId: num(r.operator_id), cases: num(r.n), openCases: num(r.open) })),
  };
}
