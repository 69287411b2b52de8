import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText } from '@/lib/exports/columns';
import { formatDateTime, formatDateTimeSeconds, formatDay, formatNumber, formatPercent, officeParts } from '@/lib/i18n/format';
import { OFFICE_TIME_ZONE } from '@/lib/time';

/** One date and number format per locale (lib/i18n/format.ts), in office time, everywhere. */
const HOUR_MS = 3_600_000;

describe('the one formatter', () => {
  // 2026-11-22 17:30 UTC is 2026-11-23 01:30 in the office (UTC+8).
  const lateEvening = new Date('2026-11-22T17:30:09Z');

  it('writes days and moments in office time, the same in both languages', () => {
    expect(formatDay(lateEvening)).toBe('2026-11-23');
    expect(formatDay('2026-11-22')).toBe('2026-11-22');
    expect(formatDay('2026-11-22T17:30:09Z')).toBe('2026-11-23');
    expect(formatDateTime(lateEvening)).toBe('2026-11-23 01:30');
    expect(formatDateTimeSeconds(lateEvening)).toBe('2026-11-23 01:30:09');
    expect(formatDateTime(new Date('2026-01-01T04:00:00Z'))).toBe('2026-01-01 12:00');
  });

  it('reads the office wall clock as Intl does, across changes of offset (the hour memo, issue #18)', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const reference = (d: Date) => Object.fromEntries(intl.formatToParts(d).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
    // 1940-2040: the office zone's summer times (1940s, 1986-1991) included; the edges of each change.
    const changes = [Date.UTC(1986, 4, 3, 18), Date.UTC(1986, 8, 13, 17), Date.UTC(1991, 3, 13, 18), Date.UTC(1991, 8, 14, 17)];
    for (const c of changes) for (const d of [-HOUR_MS - 1, -HOUR_MS, -1, 0, 1, HOUR_MS - 1, HOUR_MS]) expect(officeParts(c + d)).toEqual(reference(new Date(c + d)));
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1940, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
      expect(officeParts(ms)).toEqual(reference(new Date(ms)));
    }), { numRuns: 5_000 });
  });

  it('writes numbers and shares in the reader\'s locale', () => {
    expect(formatNumber(1234567, 'zh')).toBe('1,234,567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.125, 'zh')).toBe('12.5%');
  });

  it('exports days and moments in office time', () => {
    expect(csvText('date', lateEvening)).toBe('2026-11-23');
    expect(csvText('date', '2026-11-22')).toBe('2026-11-22');
    expect(csvText('datetime', lateEvening)).toBe('2026-11-23 01:30:09');
  });

  it('is the only place pages, components and exports format dates and numbers', () => {
    const root = path.resolve(__dirname, '../..');
    const allowed = new Set(['lib/i18n/format.ts', 'lib/time.ts', 'lib/exports/reader.ts']);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(entry.name) && !allowed.has(rel)) {
          const text = fs.readFileSync(path.join(root, rel), 'utf8');
          // toLocaleString('en') in English API messages is allowed: those are not the reader's.
          const hits = text.match(/toLocale(Date|Time)String\(|toLocaleString\((?!'en'\))|new Intl\.(DateTimeFormat|NumberFormat)\(|getFormatter\(|useFormatter\(|\.toISOString\(\)\.slice\(0, 10\)\}/g);
          if (hits) offenders.push(`${rel}: ${hits.join(', ')}`);
        }
      }
    };
    for (const dir of ['app', 'components', 'lib']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
