import type { FieldCodes } from '@/lib/forms/issue-codes';

/** The error shape of DESIGN §6: `{ error: { code, message, fields? } }`, thrown anywhere, answered once. */
export type FieldErrors = Record<string, string>;

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /**
   * A stable key naming which rule refused (`four_eyes`, `flag_reviewed`, …), sent as `error.reason`
   * so a client can say the refusal in its reader's language (`lib/forms/refusal-text.ts`).
   */
  reason?: string;
  because(reason: string): this {
    this.reason = reason;
    return this;
  }

  /**
   * Each invalid field's stable code (lib/forms/issue-codes.ts), sent as `error.fieldCodes` beside
   * the English `fields`, so a client says each field's error in its reader's language.
   */
  fieldCodes?: FieldCodes;
  withFieldCodes(codes: FieldCodes): this {
    this.fieldCodes = codes;
    return this;
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.reason ? { reason: this.reason } : {}),
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.fieldCodes ? { fieldCodes: this.fieldCodes } : {}),
      },
    };
  }
}

export const unauthorized = (message = 'Sign in or send a valid API token.') =>
  new HttpError(401, 'unauthorized', message);
export const forbiddenError = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (entity: string, id: string | number) =>
  new HttpError(404, 'not_found', `${entity} ${id} does not exist.`);
export const conflict = (message: string, fields?: FieldErrors) => new HttpError(409, 'conflict', message, fields);
export const invalid = (message: string, fields?: FieldErrors) =>
  new HttpError(400, 'invalid_input', message, fields);
export const unprocessable = (message: string, fields?: FieldErrors) =>
  new HttpError(422, 'unprocessable', message, fields);
export const tooLarge = (message: string) => new HttpError(413, 'too_large', message);
export const unsupportedMediaType = (message: string) => new HttpError(415, 'unsupported_media_type', message);
/** The database is restarting or unreachable (db/health.ts): try again in a few seconds. */
export const databaseUnavailable = () =>
  new HttpError(503, 'database_unavailable', 'The database is not answering right now; try again in a few seconds.');
