import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { regionsSql } from '../../scripts/regions-sql.mjs';
import { regionKey, regionRange } from '../../lib/regions/sql';

const MIGRATIONS = path.join(process.cwd(), 'db/migrations');

describe('regions reference data', () => {
  it('the newest migration loading regions holds exactly what the pinned data package gives', () => {
    const newest = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()
      .map((f) => readFileSync(path.join(MIGRATIONS, f), 'utf8')).filter((s) => s.includes('-- BEGIN regions data')).pop()!;
    const block = newest.slice(newest.indexOf('-- BEGIN regions data'), newest.indexOf('-- END regions data') + '-- END regions data\n'.length);
    expect(block).toBe((regionsSql as () => string)());
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
