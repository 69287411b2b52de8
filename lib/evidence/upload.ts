import { HttpError, invalid, tooLarge } from '@/lib/http/errors';
import { MAX_EVIDENCE_BYTES } from './store';

/** Room for the multipart boundaries and headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

async function readCapped(req: Request, cap: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > cap) throw tooLarge(`Evidence files are limited to ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`Evidence files are limited to ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The file of a `multipart/form-data` upload (field `file`), read without ever holding more than
 * the limit: a declared or streamed body beyond 25 MB is a 413 before anything is stored.
 */
export async function readUploadedFile(req: Request): Promise<{ bytes: Uint8Array; name: string }> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the file as multipart/form-data in the field "file".', { file: 'Expected multipart/form-data.' });
  }
  const body = await readCapped(req, MAX_EVIDENCE_BYTES + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalid('The multipart body could not be read.', { file: 'Malformed multipart body.' });
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw invalid('The field "file" with a file is required.', { file: 'A file is required.' });
  if (file.size > MAX_EVIDENCE_BYTES) throw tooLarge(`Evidence files are limited to ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
  if (file.size === 0) throw invalid('The file is empty.', { file: 'The file is empty.' });
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}
