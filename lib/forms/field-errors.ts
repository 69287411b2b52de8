import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { HttpError, type FieldErrors } from '@/lib/http/errors';
import { refusalFields, type Translator } from './refusal-text';

type T = Awaited<ReturnType<typeof getTranslations<'validation'>>>;

function usccMessage(t: T, detail: string): string {
  let m = /must be 18 characters, got (\d+)/.exec(detail);
  if (m) return t('usccLength', { n: m[1]! });
  m = /invalid character "(.+)" at position (\d+)/.exec(detail);
  if (m) return t('usccChar', { c: m[1]!, pos: m[2]! });
  m = /expected "(.)", got "(.)"/.exec(detail);
  if (m) return t('usccCheck', { expected: m[1]!, got: m[2]! });
  return t('required');
}

function issueMessage(t: T, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as { i18n?: string; detail?: string };
      if (params.i18n === 'uscc') return usccMessage(t, params.detail ?? '');
      if (params.i18n && t.has(params.i18n as 'required')) return t(params.i18n as 'required');
      return issue.message;
    }
    case 'too_small':
      return issue.origin === 'array' ? t('atLeastOne') : t('required');
    case 'too_big':
      return t('tooLong', { max: String(issue.maximum) });
    case 'invalid_value':
      return t('choose');
    case 'invalid_type':
      return t('required');
    case 'invalid_format':
      return t('format');
    default:
      return issue.message;
  }
}

/** Every field's error at once, in the reader's language (server actions). */
export async function localizedZodErrors(error: z.ZodError): Promise<FieldErrors> {
  const t = await getTranslations('validation');
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issueMessage(t, issue);
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
