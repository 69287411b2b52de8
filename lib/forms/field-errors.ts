import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { HttpError, type FieldErrors } from '@/lib/http/errors';
import { fieldCodeText, issueCode } from './issue-codes';
import { refusalFields, type Translator } from './refusal-text';

/** Every field's error at once, in the reader's language (server actions). */
export async function localizedZodErrors(error: z.ZodError): Promise<FieldErrors> {
  const t = await getTranslations('validation');
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= fieldCodeText(t as unknown as Parameters<typeof fieldCodeText>[0], issueCode(issue), issue.message);
  }
  return fields;
}

/**
 * The fields of a refused write (409/422 from the library) in the reader's language, where the
 * refusal has a translation; otherwise the library's own words.
 */
export async function localizedHttpErrors(err: HttpError): Promise<FieldErrors> {
  const t = await getTranslations('validation');
  const said = refusalFields((await getTranslations()) as unknown as Translator, await getLocale(), err);
  const fields: FieldErrors = {};
  for (const key of Object.keys(err.fields ?? {})) {
    if (key === 'uscc' && err.status === 409) fields[key] = t('usccTaken');
    else if (key.endsWith('.evidence')) fields[key] = t('evidenceMissing');
    else if (err.status === 422 && !err.reason) fields[key] = t('unknownReference');
    else fields[key] = said[key]!;
  }
  return fields;
}
