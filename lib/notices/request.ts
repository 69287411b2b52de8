import { toLocale, type Locale } from '@/lib/i18n/locales';

/** The language of a public download: `?lang=en|zh`, defaulting to Chinese (the notice's own language). */
export function downloadLocale(url: URL): Locale {
  return toLocale(url.searchParams.get('lang') ?? 'zh');
}

/** The site's public address for absolute links (feed ids): PUBLIC_BASE_URL, else the request's own origin. */
export function publicBaseUrl(url: URL): string {
  return process.env.PUBLIC_BASE_URL ?? url.origin;
}
