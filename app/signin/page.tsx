import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/actor';
import { safeCallbackPath } from '@/lib/auth/callback';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col bg-brand">
      <header className="flex items-center justify-between px-6 py-4 text-white">
        <span className="flex items-center gap-2 text-lg font-bold tracking-wide">
          <span aria-hidden className="inline-block h-6 w-1.5 rounded-sm bg-accent" />
          {t('app.name')}
        </span>
        <LocaleSwitch />
      </header>
      <main className="flex flex-1 items-center justify-center px-4 pb-16">
        <div className="w-full max-w-md overflow-hidden rounded-md bg-white shadow-xl">
          <div className="border-b border-line bg-canvas px-8 py-6">
            <p className="text-xs font-medium uppercase tracking-wider text-muted">{t('app.office')}</p>
            <h1 className="mt-1 text-xl font-semibold text-ink">{t('app.fullName')}</h1>
          </div>
          <div className="px-8 py-6">
            <h2 className="text-base font-semibold text-ink">{t('auth.title')}</h2>
            <p className="mb-5 mt-1 text-sm text-muted">{t('auth.subtitle')}</p>
            <SignInForm callbackUrl={callbackUrl} />
          </div>
          <p className="border-t border-line bg-canvas px-8 py-4 text-sm text-muted" data-testid="public-link">
            {t('auth.publicHint')}{' '}
            <Link href="/notices" className="font-medium text-brand-600 underline underline-offset-2">{t('notices.publicTitle')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
