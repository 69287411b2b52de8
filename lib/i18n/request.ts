import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import en from '@/messages/en';
import zh from '@/messages/zh';
import { LOCALE_COOKIE, toLocale, type Locale } from './locales';
import { OFFICE_TIME_ZONE } from '@/lib/time';

async function preferredLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (chosen) return toLocale(chosen);
  const accept = (await headers()).get('accept-language') ?? '';
  return /^\s*en\b/i.test(accept) ? 'en' : 'zh';
}

export default getRequestConfig(async () => {
  const locale = await preferredLocale();
  return {
    locale,
    timeZone: OFFICE_TIME_ZONE,
    messages: locale === 'zh' ? zh : en,
  };
});
