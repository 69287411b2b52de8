import type { ReactNode } from 'react';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { GlobalSearch } from './global-search';
import { LocaleSwitch } from './locale-switch';
import { MobileNav } from './mobile-nav';
import { NavLinks } from './nav-links';
import { NAV_ITEMS } from './nav-items';
import { SignOutButton } from './sign-out-button';
import { SkipLink } from './site-frame';

export async function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const t = await getTranslations();
  const items = NAV_ITEMS.filter((i) => can(actor.role, i.permission)).map((i) => ({
    href: i.href,
    label: t(`nav.${i.key}` as 'nav.dashboard'),
  }));
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <SkipLink label={t('app.skipToContent')} />
      <div className="no-print flex items-center justify-between gap-3 bg-brand px-4 py-2 text-white md:hidden" data-testid="phone-bar">
        <Link href="/" className="flex items-center gap-2 text-base font-bold tracking-wide">
          <span aria-hidden className="inline-block h-5 w-1.5 rounded-sm bg-accent" />
          {t('app.name')}
        </Link>
        <MobileNav items={items} label={t('nav.menu')} closeLabel={t('nav.close')} title={t('nav.main')} />
      </div>
      <aside className="no-print hidden bg-brand text-white md:block md:w-60 md:shrink-0">
        <div className="border-b border-white/15 px-4 py-4">
          <Link href="/" className="block">
            <span className="flex items-center gap-2 text-lg font-bold tracking-wide">
              <span aria-hidden className="inline-block h-6 w-1.5 rounded-sm bg-accent" />
              {t('app.name')}
            </span>
            <span className="mt-1 block text-xs leading-snug text-white/75">{t('app.fullName')}</span>
          </Link>
        </div>
        <nav aria-label={t('nav.main')} className="px-2 py-3">
          <NavLinks items={items} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex flex-wrap items-center justify-between gap-x-3 gap-y-2 bg-brand-600 px-4 py-2 text-white md:px-5 md:py-2.5">
          <span className="hidden text-sm text-white/85 lg:inline">{t('app.office')}</span>
          {can(actor.role, 'case:read') ? <GlobalSearch /> : null}
          <div className="flex items-center gap-3">
            <span className="text-sm">
              <span className="sr-only">{t('nav.signedInAs')} </span>
              {actor.name}
              <span className="ml-2 rounded bg-white/15 px-1.5 py-0.5 text-xs">{t(`role.${actor.role}`)}</span>
            </span>
            <LocaleSwitch />
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="min-w-0 flex-1 px-3 py-4 sm:px-5 sm:py-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
