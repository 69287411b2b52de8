import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PublicNoticeView } from '@/components/notices/public-notice-view';
import { PrintButton } from '@/components/notices/print-button';
import { toLocale } from '@/lib/i18n/locales';
import { loadPublicNotice } from '@/lib/notices/load-public';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const notice = await loadPublicNotice((await params).slug);
  return { title: notice.title[toLocale(await getLocale())], robots: { index: false } };
}

/** The print layout: A4 landscape, no site chrome, the annex repeating its header on every page. */
export default async function PrintNoticePage({ params }: { params: Promise<{ slug: string }> }) {
  const notice = await loadPublicNotice((await params).slug);
  const [t, locale] = await Promise.all([getTranslations('notices'), getLocale().then(toLocale)]);
  return (
    <main id="main" className="print-page mx-auto max-w-[297mm] bg-white px-[12mm] py-[10mm]">
      <style>{'@page { size: A4 landscape; margin: 12mm 10mm; } @media print { html, body { background: white; } .print-page { padding: 0; max-width: none; } .annex-table { font-size: 9.5pt; } .annex-table thead { display: table-header-group; } .annex-table tr { break-inside: avoid; } }'}</style>
      <div className="no-print mb-4 flex items-center justify-between gap-3 border-b border-line pb-3 text-sm">
        <Link href={`/notices/${notice.slug}`} className="text-brand-600 hover:underline">← {notice.label[locale]}</Link>
        <span className="flex items-center gap-3 text-muted">
          {t('printHint')}
          <PrintButton label={t('printNow')} />
        </span>
      </div>
      <PublicNoticeView notice={notice} locale={locale} print />
    </main>
  );
}
