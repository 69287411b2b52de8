import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Transform, type Writable } from 'node:stream';
import { bodyChunks, bodyTooLarge, type BodyLimit } from '@/lib/http/body';
import { HttpError, invalid } from '@/lib/http/errors';
import { readMultipart } from './multipart';
import type { ImportUploadQuery } from './schemas';

export type ImportFormat = 'csv' | 'ndjson';

export interface ReceivedUpload {
  file: string;
  filename: string;
  format: ImportFormat;
  dryRun: boolean;
  bytes: number;
}

/** The largest file an import accepts (RECTIFY_IMPORT_MAX_BYTES, default 1 GiB). */
export const maxImportBytes = () => Number(process.env.RECTIFY_IMPORT_MAX_BYTES || 1024 ** 3);
export const importLimit = (): BodyLimit => ({ bytes: maxImportBytes(), what: 'Import files', setting: 'RECTIFY_IMPORT_MAX_BYTES' });
/** Room for the multipart boundaries and fields around the file. */
const MULTIPART_SLACK = 64 * 1024;

export const importTempDir = () => {
  const dir = path.join(os.tmpdir(), 'rectify-imports');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** The format from the file name's extension, else from the content type; null when neither says. */
export function importFormatOf(filename: string, contentType: string): ImportFormat | null {
  const ext = path.extname(filename).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'].includes(type)) return 'ndjson';
  return null;
}

const unsupported = () =>
  new HttpError(415, 'unsupported_format', 'Send a .csv or .ndjson/.jsonl file (text/csv or application/x-ndjson).', {
    file: 'Unknown format: use .csv, .ndjson or .jsonl.',
  });
const isTrue = (v: string | null | undefined) => v === 'true' || v === '1';

/** A write stream to a new temp file that refuses to grow past the limit (413). */
function limitedFileSink(file: string, counter: { bytes: number }): { sink: Writable; written: Promise<unknown> } {
  const limit = importLimit();
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      counter.bytes += chunk.length;
      if (counter.bytes > limit.bytes) done(bodyTooLarge(limit));
      else done(null, chunk);
    },
  });
  const out = fs.createWriteStream(file);
  meter.pipe(out);
  const written = once(out, 'close');
  written.catch(() => undefined);
  return { sink: meter, written };
}

/**
 * Streams the request body (multipart field `file`, or a raw text/csv / application/x-ndjson body)
 * into a temp file, never holding it in memory (lib/http/body.ts). 400 when there is no file or it
 * is empty, 415 for an unknown format, 413 when it is too large, 400 `incomplete_body` when the body
 * is cut off or shorter than its Content-Length (and then the temp file is removed: nothing is applied).
 */
export async function receiveImportUpload(req: Request, query: ImportUploadQuery): Promise<ReceivedUpload> {
  const limit = importLimit();
  const contentType = req.headers.get('content-type') ?? '';
  const file = path.join(importTempDir(), `${randomUUID()}.upload`);
  const counter = { bytes: 0 };
  try {
    let filename = query.filename ?? '';
    let format: ImportFormat | null;
    let dryRun = isTrue(query.dryRun);
    const boundary = contentType.match(/^multipart\/form-data;.*boundary="?([^";]+)"?/i)?.[1];
    if (boundary) {
      if (!req.body) throw invalid('Attach the file to import.', { file: 'Required.' });
      const body = bodyChunks(req, limit, MULTIPART_SLACK);
      let seen: { format: ImportFormat | null; written?: Promise<unknown> } | null = null;
      const fields = await readMultipart({ [Symbol.asyncIterator]: () => body }, boundary, (part) => {
        if (part.name !== 'file' || part.filename === null || seen) return null;
        filename = part.filename;
        seen = { format: importFormatOf(part.filename, part.contentType) };
        if (!seen.format) throw unsupported();
        const { sink, written } = limitedFileSink(file, counter);
        seen.written = written;
        return sink;
      });
      if (!seen) throw invalid('Attach the file to import.', { file: 'Required.' });
      const part = seen as { format: ImportFormat | null; written?: Promise<unknown> };
      await part.written;
      format = part.format;
      dryRun = dryRun || isTrue(fields.dryRun);
    } else {
      format = importFormatOf(filename, contentType);
      if (!format) throw unsupported();
      filename ||= format === 'csv' ? 'upload.csv' : 'upload.ndjson';
      if (!req.body) throw invalid('Attach the file to import.', { file: 'Required.' });
      const { sink, written } = limitedFileSink(file, counter);
      let failure: unknown = null;
      sink.on('error', (err) => (failure ??= err));
      try {
        for await (const value of bodyChunks(req, limit)) {
          if (failure) break;
          if (!sink.write(Buffer.from(value))) await Promise.race([once(sink, 'drain'), once(sink, 'error')]).catch(() => undefined);
        }
      } catch (err) {
        sink.destroy();
        throw err;
      }
      if (failure) throw failure;
      sink.end();
      await once(sink, 'finish');
      await written;
    }
    if (!counter.bytes) throw invalid('The file is empty.', { file: 'The file is empty.' });
    return { file, filename: path.basename(filename).slice(0, 200), format: format!, dryRun, bytes: counter.bytes };
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
}
