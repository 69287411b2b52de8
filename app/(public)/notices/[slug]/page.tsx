import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PublicNoticeView } from '@/components/notices/public-notice-view';
import { toLocale } from '@/lib/i18n/locales';
import { loadPublicNotice } from '@/lib/notices/load-public';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const notice = await loadPublicNotice((await params).slug);
  return { title: notice.title[toLocale(await getLocale())] };
}

export default async function PublicNoticePage({ params }: { params: Promise<{ slug: string }> }) {
  const notice = await loadPublicNotice((await params).slug);
  const [t, locale] = await Promise.all([getTranslations('notices'), getLocale().then(toLocale)]);
  const lang = locale === 'en' ? '&lang=en' : '';
  return (
    <div className="space-y-4">
      <nav aria-label={t('downloads')} className="no-print flex flex-wrap items-center justify-between gap-3 text-sm">
        <Link href="/notices" className="text-brand-600 hover:underline">← {t('backToList')}</Link>
        <span className="flex flex-wrap gap-2">
          <a href={`/api/public/notices/${notice.slug}?format=xlsx${lang}`} className="rounded border border-line bg-white px-3 py-1.5 hover:bg-canvas">{t('xlsx')}</a>
          <a href={`/api/public/notices/${notice.slug}?format=csv${lang}`} className="rounded border border-line bg-white px-3 py-1.5 hover:bg-canvas">{t('csv')}</a>
          <a href={`/api/public/notices/${notice.slug}`} className="rounded border border-line bg-white px-3 py-1.5 hover:bg-canvas">{t('json')}</a>
          <Link href={`/notices/${notice.slug}/print`} className="rounded border border-line bg-white px-3 py-1.5 hover:bg-canvas">{t('print')}</Link>
        </span>
      </nav>
      <div className="rounded-md border border-line bg-white p-6 shadow-sm print:border-0 print:p-0 print:shadow-none">
        <PublicNoticeView notice={notice} locale={locale} />
      </div>
    </div>
  );
}
