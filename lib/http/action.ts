import type { FieldErrors } from './errors';
import { toHttpError } from './route';

/** What a server action answers a form: success (with data) or the API's error, field by field. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string; fieldErrors: FieldErrors };

/**
 * The error half of a server action: the same HttpError (401/403/409/422, zod, database
 * constraints) the API would answer, as data the form can show; a real fault is logged and rethrown.
 */
export function actionError(err: unknown): ActionResult<never> {
  const http = toHttpError(err);
  if (!http) {
    console.error('[action] unexpected error:', err);
    throw err;
  }
  return { ok: false, status: http.status, code: http.code, message: http.message, fieldErrors: http.fields ?? {} };
}
