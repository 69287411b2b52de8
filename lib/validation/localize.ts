import { z } from 'zod';
import type { FieldErrors } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n/locales';

const zh = z.locales.zhCN();

/**
 * Field errors in the reader's language. Schemas write their own messages in English (the API's
 * language) and may name a message key (`params: { key: 'usccCheckDigit' }`) that the UI translates
 * (`validation.<key>`); zod's generic messages are translated by zod's own Chinese locale.
 */
export function localizeZodError(error: z.ZodError, locale: Locale, translate?: (key: string) => string | undefined): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : '_';
    if (fields[path]) continue;
    const key = issue.code === 'custom' ? (issue.params as { key?: string } | undefined)?.key : undefined;
    const translated = key ? translate?.(key) : undefined;
    if (translated) fields[path] = translated;
    else if (locale === 'en' || issue.code === 'custom') fields[path] = issue.message;
    else fields[path] = (zh.localeError(issue as never) as string | undefined) ?? issue.message;
  }
  return fields;
}
