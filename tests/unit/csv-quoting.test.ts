import fc from 'fast-check';
import { parse as parseCsvStrict } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { quotedByTheRules } from '@/lib/imports/parse';

/** The import's quick quoting check may only pass a record that csv-parse's strict reading accepts. */
describe('quotedByTheRules', () => {
  it('passes well-quoted records and refuses stray quotes', () => {
    expect(quotedByTheRules('a,"含""引号""与逗号,以及换行\n第二行",b')).toBe(true);
    expect(quotedByTheRules('"",x,""')).toBe(true);
    expect(quotedByTheRules('a,b"c,d')).toBe(false);
    expect(quotedByTheRules('a,"b"c,d')).toBe(false);
    expect(quotedByTheRules('a,"b')).toBe(false);
    expect(quotedByTheRules('"b" ,c')).toBe(false);
  });

  it('never passes a record the strict parser refuses', () => {
    const strictReads = (s: string) => {
      try {
        parseCsvStrict(s, { bom: true, relax_column_count: true });
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ',', '"', '\n', ' ', '引'), { maxLength: 24 }), (chars) => {
        const body = chars.join('').replace(/^\n+|\n+$/g, '');
        if (quotedByTheRules(body)) expect(strictReads(body)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    // 20,000 records take ~1.5 s alone; at load 12 on 2 cores (the CI lanes beside other work) 5.3 s.
  }, 60_000);
});
