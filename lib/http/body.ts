import { HttpError } from './errors';

/**
 * The one reader of large request bodies (imports, evidence; DESIGN §6: bodies reach the handlers
 * whole). The body streams chunk by chunk, never held whole here; the bytes received are counted
 * against the limit (413 naming it, declared or streamed) and, at the end, against the declared
 * Content-Length: a body cut off or shorter than it said is a 400 `incomplete_body`, so nothing is
 * ever made from part of a body.
 */
export interface BodyLimit {
  /** The most bytes accepted. */
  bytes: number;
  /** What the limit is, for the 413: "Import files", "Evidence files". */
  what: string;
  /** The setting that changes it, if any (RECTIFY_IMPORT_MAX_BYTES). */
  setting?: string;
}

const MB = 1024 * 1024;

/** 1073741824 → "1 GiB", 26214400 → "25 MB", 1000 → "1000 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB && bytes % (1024 * MB) === 0) return `${bytes / (1024 * MB)} GiB`;
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  return `${bytes} bytes`;
}

export const bodyTooLarge = (limit: BodyLimit) =>
  new HttpError(413, 'too_large', `${limit.what} are limited to ${formatBytes(limit.bytes)} (${limit.bytes} bytes)${limit.setting ? `; the limit is set by ${limit.setting}` : ''}.`, {
    file: `At most ${limit.bytes} bytes.`,
  });

export const incompleteBody = (received: number, declared: number | null) =>
  new HttpError(
    400,
    'incomplete_body',
    declared === null
      ? `The body was cut off after ${received} bytes; nothing was stored. Send it again.`
      : `The body ended after ${received} of the ${declared} bytes its Content-Length declared; nothing was stored. Send it again.`,
  );

/** Content-Length as a number, null when absent; a malformed one is a 400. */
export function declaredLength(req: Request): number | null {
  const header = req.headers.get('content-length');
  if (header === null) return null;
  if (!/^\d{1,16}$/.test(header.trim())) throw new HttpError(400, 'invalid_input', 'Content-Length is not a number of bytes.');
  return Number(header.trim());
}

/**
 * The body's chunks as they arrive. `slack` allows a declared length a little over the limit (the
 * multipart framing around a file). Throws the 413 as soon as the limit is passed, and the 400
 * `incomplete_body` when the connection breaks or the body ends short of its Content-Length.
 */
export async function* bodyChunks(req: Request, limit: BodyLimit, slack = 0): AsyncGenerator<Uint8Array> {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit.bytes + slack) throw bodyTooLarge(limit);
  if (!req.body) {
    if (declared) throw incompleteBody(0, declared);
    return;
  }
  const reader = req.body.getReader();
  let received = 0;
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw incompleteBody(received, declared); // the client went away mid-body
      }
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > limit.bytes + slack) throw bodyTooLarge(limit);
      if (declared !== null && received > declared) throw incompleteBody(received, declared);
      yield chunk.value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  if (declared !== null && received !== declared) throw incompleteBody(received, declared);
}

/** Reads the rest of a body (after a multipart's closing boundary) so its length is checked too. */
export async function drain(chunks: AsyncIterator<Uint8Array>): Promise<void> {
  for (;;) if ((await chunks.next()).done) return;
}
