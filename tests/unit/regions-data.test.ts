import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PLACEHOLDERS, regionsSql } from '../../scripts/regions-sql.mjs';
import { regionKey, regionRange } from '../../lib/regions/sql';

const MIGRATIONS = path.join(process.cwd(), 'db/migrations');

type Division = [code: string, name: string, level: number, parentCode: string | null, placeholder: boolean];

/** The newest migration's regions block, and the rows it loads read back from its SQL. */
function newestBlock() {
  const newest = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()
    .map((f) => readFileSync(path.join(MIGRATIONS, f), 'utf8')).filter((s) => s.includes('-- BEGIN regions data')).pop()!;
  const block = newest.slice(newest.indexOf('-- BEGIN regions data'), newest.indexOf('-- END regions data') + '-- END regions data\n'.length);
  const source = /^-- BEGIN regions data \(([^,]+),/.exec(block)![1]!;
  const rows: Division[] = [];
  const sources = new Set<string>();
  for (const m of block.matchAll(/^ {2}\('(\d+)', '((?:[^']|'')*)', (\d), (NULL|'\d+'), (true|false), '([^']*)'\),?$/gm)) {
    rows.push([m[1]!, m[2]!.replace(/''/g, "'"), Number(m[3]), m[4] === 'NULL' ? null : m[4]!.slice(1, -1), m[5] === 'true']);
    sources.add(m[6]!);
  }
  return { block, source, rows, sources };
}

describe('regions reference data', () => {
  const { block, source, rows, sources } = newestBlock();

  it('the newest regions migration is exactly what scripts/regions-sql.mjs writes for its rows', () => {
    expect(rows.length).toBeGreaterThan(3000);
    expect([...sources]).toEqual([source]);
    // Every row line was read back (a line the pattern missed would be lost from the round trip).
    expect((regionsSql as (rows: Division[], source: string) => string)(rows, source)).toBe(block);
  });

  it('its divisions form one tree of GB/T 2260 codes', () => {
    const byCode = new Map(rows.map((r) => [r[0], r]));
    expect(byCode.size).toBe(rows.length);
    expect(rows.map((r) => r[0])).toEqual(rows.map((r) => r[0]).sort());
    const counts = { 1: 0, 2: 0, 3: 0 } as Record<number, number>;
    for (const [code, name, level, parent, placeholder] of rows) {
      expect(code).toMatch(/^[1-9]\d{5}$/);
      expect(name.trim()).toBe(name);
      expect(name.length).toBeGreaterThan(0);
      counts[level]! += 1;
      expect(placeholder).toBe(level === 2 && (PLACEHOLDERS as Set<string>).has(name));
      if (level === 1) {
        expect(parent).toBeNull();
        expect(code.endsWith('0000')).toBe(true);
      } else {
        const p = byCode.get(parent!);
        expect(p?.[2], `${code}'s parent ${parent}`).toBe(level - 1);
        // A code's range lies inside its parent's (what filters by a province or city rely on).
        const outer = regionRange(parent!), inner = regionRange(code);
        expect(inner.lo >= outer.lo && inner.hi <= outer.hi, `${code} inside ${parent}`).toBe(true);
      }
    }
    expect(counts).toEqual({ 1: 31, 2: 342, 3: 2975 });
  });

  it('a division\'s range holds everything under it', () => {
    expect(regionRange('440000')).toEqual({ lo: '440000', hi: '449999' });
    expect(regionRange('440300')).toEqual({ lo: '440300', hi: '440399' });
    expect(regionRange('440305')).toEqual({ lo: '440305', hi: '440305' });
  });

  it('looks written regions up without spaces and separators', () => {
    expect(regionKey(' 广东省 / 深圳市　南山区 ')).toBe('广东省深圳市南山区');
  });
});
