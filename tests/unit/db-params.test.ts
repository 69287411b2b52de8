import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { inChunks, intArray, ROWS_PER_STATEMENT } from '@/db/params';

const render = (q: ReturnType<typeof intArray>) => new PgDialect().sqlToQuery(q);

describe('db/params', () => {
  it('passes integers as one int[] parameter, in order and with repeats', () => {
    const q = render(intArray([3, 1, 3, 2]));
    expect(q.sql).toBe('$1::int[]');
    expect(q.params).toEqual(['{3,1,3,2}']);
    expect(render(intArray([])).params).toEqual(['{}']);
  });

  it('refuses anything but a safe integer instead of dropping it', () => {
    expect(() => intArray([1, 2.5])).toThrow(/2\.5 is not an integer/);
    expect(() => intArray([Number.NaN])).toThrow(/not an integer/);
    expect(() => intArray([2 ** 53])).toThrow(/not an integer/);
  });

  it('cuts rows into statements of ROWS_PER_STATEMENT, losing none', () => {
    const rows = Array.from({ length: 2 * ROWS_PER_STATEMENT + 1 }, (_, i) => i);
    const parts = inChunks(rows);
    expect(parts.map((p) => p.length)).toEqual([ROWS_PER_STATEMENT, ROWS_PER_STATEMENT, 1]);
    expect(parts.flat()).toEqual(rows);
    expect(inChunks([])).toEqual([]);
  });
});
