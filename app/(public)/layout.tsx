import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { SiteFrame } from '@/components/shell/site-frame';
import { getActor } from '@/lib/auth/actor';

/**
 * The public site: no sign-in (the documented exception to "authorize first"). It shows published
 * material only, through lib/notices/public.ts.
 */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, actor] = await Promise.all([getTranslations(), getActor()]);
  return (
    <ClientMessages route="(public)">
      <SiteFrame
        wide
        skipLabel={t('app.skipToContent')}
        brand={
          <Link href="/notices" className="flex items-center gap-3">
            <span aria-hidden className="inline-block h-8 w-1.5 rounded-sm bg-accent" />
            <span>
              <span className="block text-base font-bold tracking-wide">{t('app.office')}</span>
              <span className="block text-xs text-white/75">{t('notices.publicSubtitle')}</span>
            </span>
          </Link>
        }
        actions={
          <nav aria-label={t('notices.publicNav')} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm whitespace-nowrap">
            <Link href="/notices" className="text-white/90 hover:text-white hover:underline">{t('notices.publicTitle')}</Link>
            <Link href="/notices/feed.xml" className="text-white/90 hover:text-white hover:underline">{t('notices.feed')}</Link>
            <LocaleSwitch />
            <Link href={actor ? '/' : '/signin?callbackUrl=%2Fnotices%2Fmanage'} className="rounded border border-white/30 px-3 py-1 text-xs font-medium hover:bg-white/10">
              {actor ? t('notices.toWorkspace') : t('notices.signIn')}
            </Link>
          </nav>
        }
        footer={
          <footer className="no-print border-t border-line bg-white">
            <div className="mx-auto max-w-7xl px-5 py-3 text-xs text-muted">{t('app.office')} · {t('app.name')}</div>
          </footer>
        }
      >
        {children}
      </SiteFrame>
    </ClientMessages>
  );
}
