import { bodyChunks, bodyTooLarge, type BodyLimit } from '@/lib/http/body';
import { HttpError, invalid } from '@/lib/http/errors';
import { MAX_EVIDENCE_BYTES } from './store';

/** Room for the multipart boundaries and headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
export const EVIDENCE_LIMIT: BodyLimit = { bytes: MAX_EVIDENCE_BYTES, what: 'Evidence files' };

/** The whole body, read through the one body reader (413 past the limit, 400 when cut short). */
async function readCapped(req: Request): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bodyChunks(req, EVIDENCE_LIMIT, MULTIPART_OVERHEAD)) chunks.push(chunk);
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
  const body = await readCapped(req);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalid('The multipart body could not be read.', { file: 'Malformed multipart body.' });
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw invalid('The field "file" with a file is required.', { file: 'A file is required.' });
  if (file.size > MAX_EVIDENCE_BYTES) throw bodyTooLarge(EVIDENCE_LIMIT);
  if (file.size === 0) throw invalid('The file is empty.', { file: 'The file is empty.' });
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}
