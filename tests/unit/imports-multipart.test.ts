import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readMultipart } from '../../lib/imports/multipart';
import { importFormatOf } from '../../lib/imports/upload';

/** A body delivered in chunks of `size` bytes, so boundaries and headers straddle chunk edges. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function encode(form: FormData) {
  const res = new Response(form);
  const boundary = /boundary=(.+)$/.exec(res.headers.get('content-type')!)![1]!;
  return { bytes: new Uint8Array(await res.arrayBuffer()), boundary };
}

describe('readMultipart', () => {
  it('streams the file part to its sink and returns the small fields, whatever the chunking', async () => {
    const content = 'source,external_id\r\n' + '测试,"--not a boundary"\r\n'.repeat(500);
    const form = new FormData();
    form.set('dryRun', 'true');
    form.set('file', new Blob([content], { type: 'text/csv' }), 'results.csv');
    const { bytes, boundary } = await encode(form);
    for (const size of [1, 7, 64, 100_000]) {
      const sink = new PassThrough();
      const got: Buffer[] = [];
      sink.on('data', (c: Buffer) => got.push(c));
      let seen: { name: string; filename: string | null; contentType: string } | null = null;
      const fields = await readMultipart(chunked(bytes, size), boundary, (part) => {
        if (part.name !== 'file') return null;
        seen = part;
        return sink;
      });
      expect(fields, `chunk ${size}`).toEqual({ dryRun: 'true' });
      expect(seen).toEqual({ name: 'file', filename: 'results.csv', contentType: 'text/csv' });
      expect(Buffer.concat(got).toString('utf8'), `chunk ${size}`).toBe(content);
    }
  });

  it('refuses a body cut before its closing boundary', async () => {
    const form = new FormData();
    form.set('file', new Blob(['a,b\n']), 'x.csv');
    const { bytes, boundary } = await encode(form);
    await expect(readMultipart(chunked(bytes.slice(0, bytes.length - 10), 50), boundary, () => new PassThrough().resume())).rejects.toThrow(/closing boundary/);
  });
});

describe('importFormatOf', () => {
  it('takes the extension first, then the content type', () => {
    expect(importFormatOf('a.CSV', 'application/octet-stream')).toBe('csv');
    expect(importFormatOf('a.jsonl', 'text/csv')).toBe('ndjson');
    expect(importFormatOf('', 'application/x-ndjson; charset=utf-8')).toBe('ndjson');
    expect(importFormatOf('a.xlsx', 'text/plain')).toBeNull();
  });
});
