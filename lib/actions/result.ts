import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { localizedHttpErrors, localizedZodErrors } from '@/lib/forms/field-errors';
import { refusalMessage, type Translator } from '@/lib/forms/refusal-text';
import { actionError, type ActionResult } from '@/lib/http/action';
import { toHttpError } from '@/lib/http/route';

export type { ActionResult };

/**
 * Runs a server action's body and turns refusals into an ActionResult: invalid input with every
 * field's error in the user's language, and every other HttpError (401/403/409/422, database
 * constraints) through the shared `actionError`, its fields translated where a translation exists.
 * A real fault is thrown. Call `redirect()` after it, never inside (a redirect is not a refusal).
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (err) {
    return refusalResult(err);
  }
}

/** A refusal as the form shows it, in the reader's language; a real fault is rethrown. */
export async function refusalResult(err: unknown): Promise<ActionResult<never>> {
  if (err instanceof z.ZodError) {
    const t = await getTranslations('validation');
    return { ok: false, status: 400, code: 'invalid_input', message: t('invalid'), fieldErrors: await localizedZodErrors(err) };
  }
  const result = actionError(err);
  const http = toHttpError(err);
  if (result.ok || !http) return result;
  const t = (await getTranslations()) as unknown as Translator;
  const message = refusalMessage(t, await getLocale(), { code: http.code, reason: http.reason, message: http.message });
  return { ...result, message, fieldErrors: http.fields ? await localizedHttpErrors(http) : {} };
}
