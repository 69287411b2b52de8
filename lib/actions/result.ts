import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { HttpError, type FieldErrors } from '@/lib/http/errors';
import { toLocale } from '@/lib/i18n/locales';
import { localizeZodError } from '@/lib/validation/localize';

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
      const [locale, t] = await Promise.all([getLocale(), getTranslations('validation')]);
      const fieldErrors = localizeZodError(err, toLocale(locale), (key) => (t.has(key as never) ? t(key as never) : undefined));
      return { ok: false, status: 400, message: t('invalid'), fieldErrors };
    }
    throw err;
  }
}
