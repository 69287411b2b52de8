import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';

import { TOTAL_CAP } from './cursor';

export interface Total {
  /** The number of matches, exact when `totalCapped` is false; else the cap. */
  total: number;
  /** More than `total` match (the count stopped at the cap). */
  totalCapped: boolean;
}

/** Counts the rows of `fromWhere` (a `FROM … WHERE …` clause) up to `cap`. */
export async function countUpTo(db: Queryable, fromWhere: SQL, cap = TOTAL_CAP): Promise<Total> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${cap + 1}) counted`);
  const n = Number(row?.n ?? 0);
  return { total: Math.min(n, cap), totalCapped: n > cap };
}
