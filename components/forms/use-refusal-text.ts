'use client';

import { useLocale, useTranslations } from 'next-intl';
import { refusalFields, refusalMessage, type Refusal, type Translator } from '@/lib/forms/refusal-text';

/** An API refusal (`{ code, reason?, message, fields? }`) in the reader's language, in the browser. */
export function useRefusalText() {
  const t = useTranslations() as unknown as Translator;
  const locale = useLocale();
  return {
    message: (r: Refusal) => refusalMessage(t, locale, r),
    fields: (r: Refusal) => refusalFields(t, locale, r),
  };
}
