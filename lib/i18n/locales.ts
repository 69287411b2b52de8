export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

/** The reader's language: the one they chose (the locale cookie), else English when the browser asks for it first, else Chinese. */
export function preferredLocaleOf(chosen: string | undefined | null, acceptLanguage: string | null): Locale {
  if (chosen) return toLocale(chosen);
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh';
}

/** The label of a bilingual taxonomy row (sectors, categories, campaigns) in the reader's language. */
export function pickLabel(row: { labelZh: string; labelEn: string }, locale: Locale): string {
  return locale === 'zh' ? row.labelZh : row.labelEn;
}

/** Intl formatting locale for each UI locale. */
export const INTL_LOCALE: Record<Locale, string> = { zh: 'zh-CN', en: 'en-GB' };
