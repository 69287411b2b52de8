import { createTranslator } from 'next-intl';
import en from '@/messages/en';
import zh from '@/messages/zh';
import { INTL_LOCALE, LOCALE_COOKIE, toLocale, type Locale } from '@/lib/i18n/locales';
import { OFFICE_TIME_ZONE } from '@/lib/time';

/**
 * The reader's language for a download: `lang` when the URL names one, else the language the UI
 * was switched to (its cookie), else the browser's first choice — as the pages decide it.
 */
export function readerLocale(req: Request, lang?: string): Locale {
  if (lang) return toLocale(lang);
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(req.headers.get('cookie') ?? '')?.[1];
  if (cookie) return toLocale(decodeURIComponent(cookie));
  return /^\s*en\b/i.test(req.headers.get('accept-language') ?? '') ? 'en' : 'zh';
}

/** The UI's translator for a locale, outside a page (route handlers). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: locale === 'zh' ? zh : en });
}

/** The office time zone's name in the reader's language ("中国标准时间", "China Standard Time"). */
export function officeZoneName(locale: Locale): string {
  const part = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: OFFICE_TIME_ZONE, timeZoneName: 'long' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
  return part?.value ?? OFFICE_TIME_ZONE;
}
