import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { invalid } from '@/lib/http/errors';

/** One part's headers: its form field name, the file name and content type when it is a file. */
export interface PartInfo {
  name: string;
  filename: string | null;
  contentType: string;
}

/** Where a part goes: a file sink (streamed) or null to collect it as a small text field. */
export type PartSink = (part: PartInfo) => Writable | null | Promise<Writable | null>;

const MAX_FIELD = 4096;
const CRLF2 = Buffer.from('\r\n\r\n');

function parseHeaders(block: string): PartInfo {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  const param = (key: string) => disposition.match(new RegExp(`(?:^|;)\\s*${key}="([^"]*)"`, 'i'))?.[1] ?? null;
  return { name: param('name') ?? '', filename: param('filename'), contentType: headers.get('content-type') ?? '' };
}

async function write(sink: Writable, chunk: Buffer) {
  if (chunk.length && !sink.write(chunk)) await once(sink, 'drain');
}

/**
 * A streaming multipart/form-data reader (RFC 7578): file parts go to the sink `open` returns, as
 * they arrive, never held whole in memory; other parts come back as small text fields. The body is
 * read to its end (the epilogue after the closing boundary too), so a reader that checks the
 * body's length (lib/http/body.ts) sees all of it.
 */
export async function readMultipart(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, boundary: string, open: PartSink): Promise<Record<string, string>> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  let buf: Buffer = Buffer.from('\r\n'); // so the first boundary looks like every other one
  const st = { state: 'preamble' as 'preamble' | 'after' | 'headers' | 'body' | 'done' };
  let sink: Writable | null = null;
  let field: { name: string; chunks: Buffer[]; size: number } | null = null;

  const emit = async (chunk: Buffer) => {
    if (sink) await write(sink, chunk);
    else if (field && field.size < MAX_FIELD) {
      field.chunks.push(chunk);
      field.size += chunk.length;
    }
  };
  const closePart = async () => {
    if (sink) {
      sink.end();
      await once(sink, 'finish');
      sink = null;
    }
    if (field) fields[field.name] = Buffer.concat(field.chunks).toString('utf8').slice(0, MAX_FIELD);
    field = null;
  };

  const step = async (): Promise<boolean> => {
    if (st.state === 'preamble' || st.state === 'body') {
      const at = buf.indexOf(delimiter);
      if (at < 0) {
        const keep = Math.max(0, buf.length - delimiter.length);
        if (st.state === 'body') await emit(buf.subarray(0, keep));
        buf = buf.subarray(keep);
        return false;
      }
      if (st.state === 'body') {
        await emit(buf.subarray(0, at));
        await closePart();
      }
      buf = buf.subarray(at + delimiter.length);
      st.state = 'after';
      return true;
    }
    if (st.state === 'after') {
      if (buf.length < 2) return false;
      const mark = buf.subarray(0, 2).toString('latin1');
      buf = buf.subarray(2);
      st.state = mark === '--' ? 'done' : 'headers';
      return st.state === 'headers';
    }
    if (st.state === 'headers') {
      const at = buf.indexOf(CRLF2);
      if (at < 0) {
        if (buf.length > 16 * 1024) throw invalid('A multipart part header is too long.');
        return false;
      }
      const info = parseHeaders(buf.subarray(0, at).toString('utf8'));
      buf = buf.subarray(at + 4);
      sink = await open(info);
      if (!sink) field = { name: info.name, chunks: [], size: 0 };
      st.state = 'body';
      return true;
    }
    return false;
  };

  const chunks = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const { done, value } = await chunks.next();
      if (done) break;
      if ((st.state as string) === 'done') continue; // the epilogue: read, not kept
      buf = buf.length ? Buffer.concat([buf, Buffer.from(value)]) : Buffer.from(value);
      while (st.state !== 'done' && (await step()));
    }
  } catch (err) {
    await chunks.return?.();
    throw err;
  } finally {
    if (sink) (sink as Writable).destroy();
  }
  if (st.state !== 'done') throw invalid('The multipart body ended before its closing boundary.', { file: 'The upload is incomplete.' });
  return fields;
}
