'use client';

import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';

/**
 * The last resort for a page that failed to render (a database outage that began mid-page, a bug):
 * a plain explanation and a way to try again, in the reader's language. Most outages never get here:
 * proxy.ts and lib/http/page-unavailable.ts answer them with the 503 page first.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('unavailable');
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold text-ink">{t('errorTitle')}</h1>
      <p className="mt-3 text-muted">{t('errorBody')}</p>
      <div className="mt-6 flex justify-center gap-6">
        <button type="button" onClick={() => reset()} className="text-brand-600 underline">
          {t('retry')}
        </button>
        <Link href="/" className="text-brand-600 underline">
          {t('home')}
        </Link>
      </div>
    </main>
  );
}
