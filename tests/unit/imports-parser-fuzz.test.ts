/**
 * Fuzzing the import parser (issue #9): random bytes, broken UTF-8, BOMs, quoted newlines, huge
 * fields and random column orders, in CSV and NDJSON. The parser never throws (a file without a
 * usable header is the one refusal of the whole file, ImportFileError), and every line it reads is
 * either a record or a rejection with its line, column and reason; checking a record gives the same.
 * Rows that pass hold only text the database can store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from '../../lib/imports/columns';
import { ImportFileError, parseImportFile, type ParsedItem } from '../../lib/imports/parse';
import { importRowSchema } from '../../lib/imports/row-schema';
import { checkItem } from '../../lib/imports/validate';
import { importRow } from '../support/import-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-parser-fuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const schema = importRowSchema({ sectors: new Set(['parking', 'retail', 'finance', 'restaurant', 'training']), categories: new Set(['collect_excessive', 'permission_forced', 'popup_harassment', 'autostart', 'use_illegal']), campaigns: new Set(['2026-q1']) } as never);

let n = 0;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const KNOWN = new Set<string>(IMPORT_COLUMNS);

const hostileField = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', '"', '""', 'a"b', '"quoted\nnewline"', 'line\r\nbreak', ',', ';', '\u0000', 'x\u0000y', '\ud800', '\ufeff', '=1+1', '<script>alert(1)</script>', "'; DROP TABLE subjects; --", '2026-02-30', '9'.repeat(400), 'x'.repeat(300_000)),
);

/** A CSV cell as text: sometimes quoted properly, sometimes left raw (broken quoting). */
const cell = (v: string, quote: boolean) => (quote ? `"${v.replace(/"/g, '""')}"` : v);

const csvFile = fc
  .record({
    order: fc.shuffledSubarray([...IMPORT_COLUMNS, 'unknown_col', 'Source '], { minLength: REQUIRED_COLUMNS.length - 2 }),
    rows: fc.array(fc.tuple(fc.nat(1000), fc.array(fc.tuple(fc.nat(40), hostileField), { maxLength: 4 }), fc.boolean(), fc.boolean()), { maxLength: 12 }),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    junk: fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 }), { freq: 4 }),
  })
  .map(({ order, rows, bom, crlf, junk }) => {
    const eol = crlf ? '\r\n' : '\n';
    const lines = [order.join(',')];
    for (const [seed, mutations, quoteAll, extraField] of rows) {
      const row = importRow(seed) as Record<string, string>;
      for (const [at, value] of mutations) row[IMPORT_COLUMNS[at % IMPORT_COLUMNS.length]!] = value;
      const cells = order.map((c) => cell(row[c.trim().toLowerCase()] ?? '', quoteAll || /[",\r\n]/.test(row[c.trim().toLowerCase()] ?? '') ? true : false));
      if (extraField) cells.push('extra');
      lines.push(cells.join(','));
    }
    const text = Buffer.from((bom ? '\ufeff' : '') + lines.join(eol) + eol, 'utf8');
    return junk ? Buffer.concat([text, Buffer.from(junk), Buffer.from(eol)]) : text;
  });

const ndjsonFile = fc
  .array(
    fc.oneof(
      fc.tuple(fc.nat(1000), fc.array(fc.tuple(fc.nat(40), fc.oneof(hostileField, fc.jsonValue({ maxDepth: 2 }))), { maxLength: 4 })).map(([seed, mutations]) => {
        const row: Record<string, unknown> = importRow(seed);
        for (const [at, value] of mutations) row[IMPORT_COLUMNS[at % IMPORT_COLUMNS.length]!] = value;
        return Buffer.from(JSON.stringify(row), 'utf8');
      }),
      fc.constantFrom('', '   ', '{', '[]', 'null', '"text"', '{"a":', '\ufeff{}').map((s) => Buffer.from(s, 'utf8')),
      fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b.filter((x) => x !== 0x0a))),
    ),
    { maxLength: 12 },
  )
  .chain((lines) => fc.boolean().map((bom) => Buffer.concat([Buffer.from(bom ? '\ufeff' : ''), ...lines.flatMap((l) => [l, Buffer.from('\n')])])));

async function readAll(bytes: Buffer, format: 'csv' | 'ndjson'): Promise<{ items: ParsedItem[]; refused?: string }> {
  const file = path.join(dir, `f${++n}.${format}`);
  fs.writeFileSync(file, bytes);
  const items: ParsedItem[] = [];
  try {
    for await (const item of parseImportFile(file, format).items) items.push(item);
    return { items };
  } catch (err) {
    if (err instanceof ImportFileError) return { items, refused: err.message };
    throw err;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function checkItems(bytes: Buffer, items: ParsedItem[]) {
  // A line break is CRLF, LF or a lone CR (as readline and editors count them).
  const lineCount = bytes.toString('utf8').split(/\r\n|\r|\n/).length;
  for (const item of items) {
    expect(Number.isInteger(item.line) && item.line >= 1 && item.line <= lineCount, `line ${item.line} of ${lineCount}`).toBe(true);
    const checked = checkItem(1, item, schema);
    if (checked.ok) {
      for (const v of checked.row) if (typeof v === 'string') expect(v.includes('\u0000') || !v.isWellFormed(), `stored text ${JSON.stringify(v.slice(0, 50))}`).toBe(false);
      continue;
    }
    expect(checked.rejections.length).toBeGreaterThan(0);
    for (const r of checked.rejections) {
      expect(r.line).toBe(item.line);
      expect(r.column === '' || KNOWN.has(r.column), `column ${r.column}`).toBe(true);
      expect(typeof r.reason === 'string' && r.reason.length > 0).toBe(true);
    }
  }
}

describe('import parser fuzzing', () => {
  it('numbers lines as an editor does after a quoted field with CRLF or a lone CR (found by the fuzzer)', async () => {
    const header = REQUIRED_COLUMNS.join(',');
    const row = (cell: string) => REQUIRED_COLUMNS.map((_, i) => (i === 3 ? cell : 'a')).join(',');
    for (const eol of ['\r\n', '\n']) {
      for (const multi of ['"p\r\nq"', '"p\rq"', '"p\nq"']) {
        const { items } = await readAll(Buffer.from([header, row(multi), row('b'), row('c'), ''].join(eol)), 'csv');
        expect(items.map((i) => i.line), `${JSON.stringify(eol)} ${multi}`).toEqual([2, 4, 5]);
        expect(items.every((i) => !/\r$/.test(i.raw))).toBe(true);
      }
    }
  });

  // csv-parse's field buffer copied its whole capacity (the longest field so far) for every quoted field that
  // ended early (`"a"x`): this file took ≈ 35 s of CPU (lib/imports/parse.ts, patchFieldPrepend); now ≈ 1 s.
  it('a 350 kB field, then a line of 50,000 quoted fields closed early: read as before, in linear time', async () => {
    const header = REQUIRED_COLUMNS.join(',');
    const tail = REQUIRED_COLUMNS.map((_, i) => (i === 0 ? '"ab"c' : 'a')).join(',');
    const { items } = await readAll(Buffer.from([header, 'x'.repeat(350_000), '"a"x,'.repeat(50_000), tail, ''].join('\n')), 'csv');
    expect(items.map((i) => [i.line, 'error' in i ? i.error.slice(0, 35) : 'record'])).toEqual([[2, 'record'], [3, 'Unreadable CSV: Invalid Closing Quo'], [4, 'Unreadable CSV: Invalid Closing Quo']]);
    expect(items[0]!.raw).toBe('x'.repeat(2000));
  }, 15_000);

  it('rejects the two halves of a surrogate pair split over two fields, each field naming its column', () => {
    const record = { ...importRow(1), version: '1.0\ud83d', package_name: '\ude00b' }; // adjacent columns
    const checked = checkItem(1, { line: 2, raw: '', record }, schema);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.rejections.map((r) => r.column).sort()).toEqual(['package_name', 'version']);
  });

  it('CSV: never throws; every line is a record or a rejection with line, column and reason', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async (bytes) => {
        const { items, refused } = await readAll(bytes, 'csv');
        if (refused) expect(refused).toMatch(/header|empty/i);
        checkItems(bytes, items);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('NDJSON: never throws; every line is a record or a rejection with line, column and reason', async () => {
    await fc.assert(
      fc.asyncProperty(ndjsonFile, async (bytes) => {
        const { items, refused } = await readAll(bytes, 'ndjson');
        expect(refused).toBeUndefined();
        checkItems(bytes, items);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('random bytes in either format never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('csv' as const, 'ndjson' as const), async (bytes, format) => {
        const { items } = await readAll(Buffer.from(bytes), format);
        checkItems(Buffer.from(bytes), items);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
