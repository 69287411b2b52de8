import { z } from 'zod';
import type { ErrorStatus } from './types';

/** DESIGN §6: every refusal is `{ error: { code, message, fields? } }`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable and machine-readable: invalid_input, unauthorized, forbidden, not_found, conflict, duplicate, too_large, unprocessable, transition_refused, …' }),
    message: z.string().meta({ description: 'For people, in English.' }),
    reason: z.string().optional().meta({ description: 'Which rule refused, stable and machine-readable where a rule has a name (four_eyes, flag_reviewed, stale_revision, notice_published, …): a client says the refusal in its own language by it.' }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'One message per field path (`findings.1.category`), or per case id for bulk transitions.' }),
    fieldCodes: z
      .record(z.string(), z.object({ key: z.string(), values: z.record(z.string(), z.string()).optional() }))
      .optional()
      .meta({ description: 'With invalid input (400): each field\'s stable code, keyed like `fields` (`{ "key": "tooLong", "values": { "max": "200" } }`; keys: required, tooLong, tooSmall, tooBig, tooMany, choose, format, atLeastOne, usccLength, usccChar, usccCheck, future, duplicate, …), so a client says the error in its own language.' }),
  }),
});

export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid input: malformed JSON or JSON nested deeper than 32 levels, a bad query or path parameter, or invalid fields (all named at once in `fields`); `incomplete_body` when the body ended short of its Content-Length or was cut off (nothing was stored).',
  401: 'No valid credentials: sign in or send `Authorization: Bearer <token>`.',
  403: 'The caller’s role may not do this (`forbidden`), or a write signed in by the session cookie came from another site’s page (`cross_site`: its `Origin` or `Sec-Fetch-Site` is not this server; API clients use a Bearer token).',
  404: 'The named thing does not exist.',
  409: 'A conflict: a duplicate, or the thing changed since you read it (reload and retry).',
  413: 'The body is too large; the message names the limit (JSON bodies 1 MB, evidence 25 MB, imports 1 GiB by default).',
  415: 'The body’s format is not one this operation takes: JSON bodies need `Content-Type: application/json`.',
  422: 'Well-formed but refused by a rule (the reason is in `message` and `fields`).',
};
