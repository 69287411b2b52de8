import { sql, type SQL } from 'drizzle-orm';

/**
 * Integers as one `int[]` parameter, in the order given and with repeats (two such arrays can be
 * unnested side by side as pairs). A text array literal is the one form PGlite and node-postgres
 * read the same. Throws on anything but a safe integer: an id list is never cut silently.
 */
export function intArray(values: readonly number[]): SQL {
  const bad = values.find((v) => !Number.isSafeInteger(v));
  if (bad !== undefined) throw new TypeError(`intArray: ${String(bad)} is not an integer`);
  return sql`${`{${values.join(',')}}`}::int[]`;
}

/**
 * Rows per multi-row statement: every table the app writes in bulk has at most 12 columns, so 1,000
 * rows stay far under Postgres' 65,535 parameters a statement.
 */
export const ROWS_PER_STATEMENT = 1_000;

/** `items` in slices of ROWS_PER_STATEMENT, in order (none when `items` is empty). */
export function inChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}
