import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { databaseUnavailable, HttpError, invalid, tooLarge, unsupportedMediaType, type FieldErrors } from './errors';
import { noteDatabaseError, RETRY_AFTER_SECONDS } from '@/db/health';
import { runWithRequest } from './request-context';
import { crossSiteRefusal } from './same-origin';
import { unstorableFields } from '@/lib/storable-text';
import { fieldCodesFromZod } from '@/lib/forms/issue-codes';

/** zod issues → one message per field path (`findings.1.category`), every field at once. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** A zod refusal as the API's 400: every field's English message and its stable code at once. */
export function invalidFromZod(error: z.ZodError, message = 'Invalid input.'): HttpError {
  return invalid(message, fieldErrorsFromZod(error)).withFieldCodes(fieldCodesFromZod(error));
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
  cause?: unknown;
}

/** Database errors caused by input (a duplicate, a dangling reference, a broken constraint) as 4xx. */
function httpErrorFromDatabase(err: unknown): HttpError | null {
  let e = err as PgLikeError | undefined;
  for (let depth = 0; e && depth < 3 && !e.code; depth++) e = e.cause as PgLikeError | undefined;
  if (!e?.code) return null;
  const where = e.constraint ? { [e.constraint]: e.detail ?? e.message ?? '' } : undefined;
  switch (e.code) {
    case '23505':
      return new HttpError(409, 'duplicate', `Already exists${e.detail ? `: ${e.detail}` : '.'}`, where);
    case '23503':
      return new HttpError(422, 'unknown_reference', `Refers to something that does not exist${e.detail ? `: ${e.detail}` : '.'}`, where);
    case '23514':
    case '23502':
      return new HttpError(422, 'constraint', `Refused by the rule ${e.constraint ?? e.code}.`, where);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
      return new HttpError(400, 'invalid_input', e.message ?? 'Invalid value.');
    case '40001':
    case '40P01':
      return new HttpError(409, 'conflict', 'Another change happened at the same time; try again.');
    default:
      return null;
  }
}

/**
 * Any error as the HttpError it stands for (input, database constraint, the database unreachable:
 * 503), or null for a real fault.
 */
export function toHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (err instanceof z.ZodError) return invalidFromZod(err);
  if (noteDatabaseError(err)) return databaseUnavailable();
  return httpErrorFromDatabase(err);
}

/** The innermost error's code or message, for one log line. */
function rootCause(err: unknown): string {
  let e = err as PgLikeError | undefined;
  for (let depth = 0; e?.cause && depth < 4; depth++) e = e.cause as PgLikeError;
  return String(e?.code ?? e?.message ?? e);
}

export function errorResponse(err: unknown): NextResponse {
  const http = toHttpError(err);
  if (http?.status === 503) {
    console.warn(`[api] 503: the database is unavailable (${rootCause(err)})`);
    return NextResponse.json(http.toBody(), { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
  }
  if (http) return NextResponse.json(http.toBody(), { status: http.status });
  console.error('[api] unexpected error:', err);
  return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, { status: 500 });
}

function refuseUnstorable(value: unknown, message: string, path: string[] = []): void {
  const fields = unstorableFields(value, path);
  if (Object.keys(fields).length) throw invalid(message, fields);
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: a cross-site write with the session cookie is refused first (same-origin.ts);
 * plain return values become JSON, every thrown error the DESIGN §6 error shape.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (req: NextRequest, params: P) => Promise<Response | unknown>,
) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    return runWithRequest(req.headers, async () => {
      try {
        const forged = crossSiteRefusal(req);
        if (forged) throw forged;
        const params = (await ctx?.params) ?? ({} as P);
        refuseUnstorable(params, 'The path contains a NUL character or invalid Unicode.');
        const result = await handler(req, params);
        return noStore(result instanceof Response ? result : NextResponse.json(result));
      } catch (err) {
        return noStore(errorResponse(err));
      }
    });
  };
}

/**
 * Every API answer is `Cache-Control: no-store` (what a signed-in user reads must not stay in a
 * browser's or a proxy's cache) unless the handler made it `public` on purpose.
 */
function noStore(res: Response): Response {
  if (/^\s*public\b/i.test(res.headers.get('cache-control') ?? '')) return res;
  try {
    res.headers.set('cache-control', 'no-store');
    return res;
  } catch {
    // Response.redirect() and the like have immutable headers: copy them.
    const copy = new Response(res.body, res);
    copy.headers.set('cache-control', 'no-store');
    return copy;
  }
}

export const MAX_JSON_BYTES = 1024 * 1024;
/** The deepest nesting of objects and arrays a JSON body may have (no schema of ours goes past 4). */
export const MAX_JSON_DEPTH = 32;

/** Where a parsed JSON value first nests objects/arrays deeper than `max` (its path), or null (iterative: no stack to overflow). */
function tooDeep(value: unknown, max: number): string[] | null {
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (path.length >= max) return path;
    for (const [k, child] of Object.entries(v)) if (child && typeof child === 'object') stack.push([child, [...path, k]]);
  }
  return null;
}

/**
 * The body as text (UTF-8, a leading BOM dropped, as `Request.text()`), read only up to `maxBytes`: a body
 * without a Content-Length (chunked) that runs past it is refused as soon as it does, not held whole first.
 */
async function boundedText(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) throw tooLarge(`The body is larger than ${maxBytes} bytes.`);
      chunks.push(value);
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Reads and validates a JSON body: another Content-Type than application/json is a 415 (a page on
 * another site can only send text/plain, form or multipart bodies without asking first), malformed
 * JSON, an oversized body and invalid fields are 4xx.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw unsupportedMediaType(`The body must be sent as Content-Type: application/json (not ${type ? type.slice(0, 100) : 'none'}).`);
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(`The body is larger than ${maxBytes} bytes.`);
  const text = await boundedText(req, maxBytes);
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw tooLarge(`The body is larger than ${maxBytes} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('The body is not valid JSON.');
  }
  const deep = tooDeep(body, MAX_JSON_DEPTH);
  if (deep) throw invalid(`The body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`, { [deep.slice(0, 3).join('.') || '_']: `At most ${MAX_JSON_DEPTH} levels of nesting.` });
  refuseUnstorable(body, 'Invalid input.');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  return parsed.data;
}

/** Validates URL search params against a schema (list filters), with the same 400 on bad values. */
export function readSearchParams<S extends z.ZodType>(url: URL | string, schema: S): z.infer<S> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
  }
  refuseUnstorable(raw, 'Invalid query parameters.');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidFromZod(parsed.error, 'Invalid query parameters.');
  return parsed.data;
}
