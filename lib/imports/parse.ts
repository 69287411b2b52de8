import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvStrict } from 'csv-parse/sync';
import { IMPORT_COLUMNS, missingColumns, type ImportColumn, type ImportRecord } from './columns';

/** One line (or quoted multi-line record) of the file: its record, or why it could not be read. */
export type ParsedItem =
  | { line: number; raw: string; record: ImportRecord }
  | { line: number; raw: string; error: string; column: string };

/** A file that cannot be imported at all (no header, a required column missing): the job fails. */
export class ImportFileError extends Error {}

export interface ParsedFile {
  items: AsyncIterable<ParsedItem>;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
}

const MAX_RAW = 2000;
const BAD_UTF8 = 'The line is not valid UTF-8 (save the file as UTF-8).';
const clip = (raw: string) => raw.replace(/\r?\n$/, '').slice(0, MAX_RAW);
/** The parser's messages quote the field they stopped in, which can be the whole line: kept this long. */
const MAX_REASON = 300;
const unreadable = (message: string) => `Unreadable CSV: ${message.length > MAX_REASON ? `${message.slice(0, MAX_REASON)}…` : message}`;

/**
 * Why a record read leniently is not RFC 4180 (a quote inside an unquoted field), or null. Only a record
 * with a quote in a value can be: it is read again strictly, which stops at the first stray quote.
 */
function strayQuote(record: string[], body: string): string | null {
  if (!record.some((field) => field.includes('"')) || quotedByTheRules(body)) return null;
  try {
    parseCsvStrict(body, { bom: true, relax_column_count: true });
    return null;
  } catch (err) {
    return unreadable((err as Error).message);
  }
}

/**
 * True when every quote of a comma-separated record is where RFC 4180 allows it: a field either has no
 * quote, or is wholly quoted with its inner quotes doubled. A record that passes is one the strict parser
 * reads too; one that does not is handed to it (strayQuote) for its verdict and message. Creating a strict
 * parser for every record with a quoted value tripled the validation of a 100,000-row file whose
 * descriptions all quote something (5.5 s → 17.3 s, `npm run bench` import step "validating").
 */
export function quotedByTheRules(body: string): boolean {
  let i = 0;
  const n = body.length;
  for (;;) {
    if (body.charCodeAt(i) === 34) {
      // A quoted field: up to the quote that is not doubled, which must end the field.
      i++;
      for (;;) {
        const q = body.indexOf('"', i);
        if (q < 0) return false;
        if (body.charCodeAt(q + 1) === 34) {
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i === n) return true;
      if (body.charCodeAt(i) !== 44) return false;
      i++;
    } else {
      const comma = body.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      const quote = body.indexOf('"', i);
      if (quote >= 0 && quote < end) return false;
      if (comma < 0) return true;
      i = comma + 1;
    }
  }
}

/** Where a file's bytes come from: a path on disk, or a function opening a stream (a file stored in the database). */
export type ImportInput = string | (() => Readable);

/**
 * The longest record (a CSV line, or lines inside quotes; an NDJSON line) a file may hold. A parser keeps a
 * record whole until it ends, so without a bound one quote never closed (or a file without line breaks)
 * held the rest of the file in memory, ~10× its size: a 50 MB file took 514 MB. README "Limits".
 */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * The file's bytes, counted; the stream fails with an ImportFileError once more than MAX_RECORD_BYTES have
 * been read past the end of the last whole record (`parsedBytes`). Reading runs ahead of parsing by at most
 * the streams' buffers (well under a megabyte), so only a record too long trips it.
 */
function countingStream(input: ImportInput, counter: { bytes: number }, parsedBytes: () => number, lineAfter: () => number) {
  const stream = typeof input === 'string' ? fs.createReadStream(input, { highWaterMark: 256 * 1024 }) : input();
  stream.on('data', (chunk: Buffer) => {
    counter.bytes += chunk.length;
    if (counter.bytes - parsedBytes() > MAX_RECORD_BYTES) {
      stream.destroy(new ImportFileError(`The record starting at line ${lineAfter()} runs past ${MAX_RECORD_BYTES / 1024 / 1024} MiB (the longest a record may be): a quote never closed, or no line breaks?`));
    }
  });
  return stream;
}

const EMPTY_RECORD = Object.freeze(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as ImportRecord);

function emptyRecord(): ImportRecord {
  return { ...EMPTY_RECORD };
}

interface FieldBuffer {
  buf: Buffer;
  length: number;
  size: number;
  resize(): void;
  prepend(value: Buffer | number): void;
}

/**
 * csv-parse 7's field buffer (`ResizeableBuffer`), in relax_quotes mode, puts back the quote of a quoted field
 * that did not end where RFC 4180 says (`"a"x`) with `prepend`, which allocated a new buffer of the whole
 * capacity and copied all of it. The capacity only grows (the longest field read so far), so one long field
 * and then many such fields copied that capacity once per field: the hostile test's line of 50,000 `"a"x,`
 * after a 350 kB one copied ≈ 25 GB, ≈ 30 s of the server's CPU (a 4 MiB record could take hours). Patched
 * once per process, on the class csv-parse itself uses: the field's bytes move up in place, O(field length),
 * the same bytes as before.
 */
function patchFieldPrepend(field: FieldBuffer): void {
  const proto = Object.getPrototypeOf(field) as FieldBuffer & { rectifyPrepend?: true };
  if (proto.rectifyPrepend) return;
  const original = proto.prepend;
  proto.prepend = function (this: FieldBuffer, value: Buffer | number) {
    if (!Buffer.isBuffer(value)) return original.call(this, value);
    while (this.length + value.length >= this.size) this.resize();
    this.buf.copyWithin(value.length, 0, this.length);
    value.copy(this.buf, 0);
    this.length += value.length;
  };
  proto.rectifyPrepend = true;
}

/** CSV (RFC 4180, header row, optional BOM, quoted fields), streamed. */
export function parseCsvFile(file: ImportInput): ParsedFile {
  const counter = { bytes: 0 };
  let lastParsedEnd = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines: what it over-counted so far.
  let overCounted = 0;
  const skipped: ParsedItem[] = [];

  let recordEndBytes = 0;

  async function* items(): AsyncGenerator<ParsedItem> {
    // Opened when the reader starts (see parseImportFile), closed however the reading ends.
    const input = countingStream(file, counter, () => recordEndBytes, () => lastParsedEnd - overCounted + 1);
    const parser = input.pipe(
      parseCsv({
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        // Strict quoting makes the parser build an error quoting the whole field so far at every stray
        // quote: a line of 100,000 quotes took minutes and gigabytes. Read leniently, and a record with a
        // quote in a value is checked strictly once (strayQuote), so a stray quote still rejects its line.
        relax_quotes: true,
        raw: true,
      }),
    );
    patchFieldPrepend((parser as unknown as { state: { field: FieldBuffer } }).state.field);
    // Where each record ends (its last line, the bytes read), taken as the parser pushes it. csv-parse's own
    // `info` option and an `on_record` hook each built a record info object holding the record's raw text
    // decoded again (three decodes of every record, with `raw`): ≈ a third of the parser's time.
    const push = parser.push.bind(parser);
    parser.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk !== null && typeof chunk === 'object') {
        lastParsedEnd = parser.info.lines;
        recordEndBytes = parser.info.bytes;
        (chunk as { lines?: number }).lines = lastParsedEnd;
      }
      return push(chunk, encoding);
    };
    // A record the parser cannot read (a stray quote, an unclosed quote) is skipped with its error.
    // One reason a line: a line can raise many (each bad closing quote), and each is kept until the next record.
    // pipe() does not pass a source's error on: the reader would wait for the rest forever.
    input.on('error', (err: Error) => parser.destroy(err));
    parser.on('skip', (err: Error) => {
      recordEndBytes = parser.info.bytes;
      const line = lastParsedEnd - overCounted + 1;
      if (skipped.at(-1)?.line !== line) skipped.push({ line, raw: '', column: '', error: unreadable(err.message) });
    });

    try {
      yield* records(parser);
    } finally {
      input.destroy();
    }
  }

  async function* records(parser: AsyncIterable<unknown>): AsyncGenerator<ParsedItem> {
    let header: (ImportColumn | null)[] | null = null;
    for await (const { record, lines, raw } of parser as AsyncIterable<{ record: string[]; lines: number; raw: string }>) {
      while (skipped.length) yield skipped.shift()!;
      const body = raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
      // A line break is CRLF, LF or a lone CR, as editors count them.
      overCounted += body.match(/\r\n/g)?.length ?? 0;
      const line = lines - overCounted - (body.match(/\r\n|\r|\n/g)?.length ?? 0);
      if (!header) {
        const names = record.map((h) => h.trim().toLowerCase());
        const missing = missingColumns(names);
        if (missing.length) throw new ImportFileError(`The header row lacks the column(s): ${missing.join(', ')}.`);
        header = names.map((n) => ((IMPORT_COLUMNS as readonly string[]).includes(n) ? (n as ImportColumn) : null));
        continue;
      }
      if (body.includes('\uFFFD')) {
        yield { line, raw: clip(body), column: '', error: BAD_UTF8 };
        continue;
      }
      const stray = strayQuote(record, body);
      if (stray) {
        yield { line, raw: clip(body), column: '', error: stray };
        continue;
      }
      if (record.length > header.length) {
        yield { line, raw: clip(body), column: '', error: `The line has ${record.length} fields; the header has ${header.length}.` };
        continue;
      }
      const out = emptyRecord();
      header.forEach((name, i) => {
        if (name) out[name] = record[i] ?? '';
      });
      yield { line, raw: clip(body), record: out };
    }
    while (skipped.length) yield skipped.shift()!;
    if (!header) throw new ImportFileError('The file is empty: it needs a header row and at least one data row.');
  }
  return { items: items(), bytesRead: () => counter.bytes };
}

/** NDJSON / JSON Lines: one JSON object per line, streamed; blank lines are skipped. */
export function parseNdjsonFile(file: ImportInput): ParsedFile {
  const counter = { bytes: 0 };

  const read = { bytes: 0, lines: 0 };

  async function* items(): AsyncGenerator<ParsedItem> {
    const input = countingStream(file, counter, () => read.bytes, () => read.lines + 1);
    // Created here, in the same tick as the `for await` below: readline emits its lines and its
    // `close` to whoever listens at that moment, so an interface opened before its reader (the job
    // awaits its staging connection in between) lost a small file whole and never ended.
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    // readline does not pass a source's error on (it may end its lines, or wait): raced and checked here.
    const failure: { error?: Error } = {};
    const failed = new Promise<never>((_, reject) => input.once('error', (err: Error) => reject((failure.error = err))));
    failed.catch(() => undefined);
    try {
      yield* ndjsonItems(counted(lines, read), failed, failure);
    } finally {
      lines.close();
      input.destroy();
    }
  }
  return { items: items(), bytesRead: () => counter.bytes };
}

/** Lines, counting the bytes and lines read so far into `read` (a line break counted as one byte). */
async function* counted(lines: AsyncIterable<string>, read: { bytes: number; lines: number }): AsyncGenerator<string> {
  for await (const text of lines) {
    read.bytes += Buffer.byteLength(text) + 1;
    read.lines++;
    yield text;
  }
}

async function* ndjsonItems(source: AsyncIterable<string>, failed: Promise<never>, failure: { error?: Error }): AsyncGenerator<ParsedItem> {
  const iterator = source[Symbol.asyncIterator]();
  async function* lines(): AsyncGenerator<string> {
    for (;;) {
      const next = await Promise.race([iterator.next(), failed]);
      if (failure.error) throw failure.error;
      if (next.done) return;
      yield next.value;
    }
  }
  let line = 0;
  for await (let text of lines()) {
    line++;
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    if (!text.trim()) continue;
    if (text.includes('\uFFFD')) {
      yield { line, raw: clip(text), column: '', error: BAD_UTF8 };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { line, raw: clip(text), column: '', error: `Not valid JSON: ${(err as Error).message}` };
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, raw: clip(text), column: '', error: 'Each line must be one JSON object.' };
      continue;
    }
    const out = emptyRecord();
    let bad: { column: string; error: string } | null = null;
    for (const column of IMPORT_COLUMNS) {
      const v = (value as Record<string, unknown>)[column];
      if (v === undefined || v === null) continue;
      if (typeof v === 'string') out[column] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') out[column] = String(v);
      else bad ??= { column, error: 'Must be text, a number or null.' };
    }
    yield bad ? { line, raw: clip(text), ...bad } : { line, raw: clip(text), record: out };
  }
}

/**
 * A parsed file whose reading starts with the first `items` read: nothing is opened before, so a
 * reader that starts late (the job opens its staging connection first) misses nothing.
 */
export function parseImportFile(file: ImportInput, format: 'csv' | 'ndjson'): ParsedFile {
  return format === 'csv' ? parseCsvFile(file) : parseNdjsonFile(file);
}
