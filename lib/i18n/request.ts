import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import en from '@/messages/en';
import zh from '@/messages/zh';
import { LOCALE_COOKIE, preferredLocaleOf, type Locale } from './locales';
import { OFFICE_TIME_ZONE } from '@/lib/time';

async function preferredLocale(): Promise<Locale> {
  return preferredLocaleOf((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await preferredLocale();
  return {
    locale,
    timeZone: OFFICE_TIME_ZONE,
    messages: locale === 'zh' ? zh : en,
  };
});
