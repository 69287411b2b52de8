/** Multi-row inserts in chunks, so a year of data is a few dozen statements. */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../client';

export const CHUNK = 500;

export async function insertAll(tx: Tx, table: PgTable, rows: readonly object[], size = CHUNK): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
}

/**
 * Inserts `rows` and returns what `returning` selects, in the order of `rows` (Postgres returns the
 * rows of a multi-row VALUES insert in order; `check` makes sure of it so ids are never mismatched).
 */
export async function insertReturning<R extends Record<string, unknown>>(
  tx: Tx,
  table: PgTable,
  rows: readonly object[],
  returning: Record<keyof R, unknown>,
  check: (returned: R, index: number) => boolean,
  size = CHUNK,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const got = (await tx.insert(table).values(rows.slice(i, i + size) as never).returning(returning as never)) as unknown as R[];
    out.push(...got);
  }
  out.forEach((r, i) => {
    if (!check(r, i)) throw new Error(`demo seed: rows returned out of order at ${i}`);
  });
  return out;
}
