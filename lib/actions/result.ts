import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { HttpError, type FieldErrors } from '@/lib/http/errors';
import { localizedZodErrors } from '@/lib/forms/field-errors';

/** What a server action answers a form: success with data, or every field's error at once. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fieldErrors: FieldErrors };

/**
 * Runs a server action's body and turns refusals into an ActionResult: HttpError (including 401/403
 * from requirePermission) and zod errors, in the user's language. Anything else is a real failure
 * and is thrown.
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (err) {
    if (err instanceof HttpError) return { ok: false, status: err.status, message: err.message, fieldErrors: err.fields ?? {} };
    if (err instanceof z.ZodError) {
      const t = await getTranslations('validation');
      return { ok: false, status: 400, message: t('invalid'), fieldErrors: await localizedZodErrors(err) };
    }
    throw err;
  }
}
