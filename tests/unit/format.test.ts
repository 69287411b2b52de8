import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText } from '@/lib/exports/columns';
import { formatDateTime, formatDateTimeSeconds, formatDay, formatNumber, formatPercent } from '@/lib/i18n/format';

/** One date and number format per locale (lib/i18n/format.ts), in office time, everywhere. */
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
