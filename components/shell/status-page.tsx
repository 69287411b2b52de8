import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

/**
 * The page for a refused or missing address (app/forbidden.tsx, app/not-found.tsx): the status, its title
 * and text from the `auth` messages, and the way back home.
 */
export async function StatusPage({ status, title, body }: { status: 403 | 404; title: 'forbiddenTitle' | 'notFoundTitle'; body: 'forbiddenBody' | 'notFoundBody' }) {
  const t = await getTranslations('auth');
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className={`text-sm font-semibold ${status === 403 ? 'text-accent' : 'text-muted'}`}>{status}</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">{t(title)}</h1>
      <p className="mt-3 text-muted">{t(body)}</p>
      <Link href="/" className="mt-6 inline-block text-brand-600 underline">{t('backHome')}</Link>
    </main>
  );
}
