import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/actor';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { SiteFrame } from '@/components/shell/site-frame';

/**
 * The operator's side (DESIGN §9): its own narrow chrome, made for a phone first. No staff navigation,
 * no search. Each page checks its own permission (the activation page is public).
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  const actor = await getActor();
  const contact = actor?.role === 'operator_contact' ? actor : null;
  return (
    <ClientMessages route="portal">
      <SiteFrame
        wide={false}
        className="bg-canvas"
        skipLabel={t('app.skipToContent')}
        brand={
          <Link href="/portal" className="flex items-center gap-2 text-lg font-bold tracking-wide">
            <span aria-hidden className="inline-block h-6 w-1.5 rounded-sm bg-accent" />
            {t('app.name')}
            <span className="text-sm font-normal text-white/80">{t('portal.title')}</span>
          </Link>
        }
        actions={
          <div className="flex items-center gap-3">
            {contact ? (
              <span className="text-sm">
                <span className="sr-only">{t('nav.signedInAs')} </span>
                {contact.name}
              </span>
            ) : null}
            <LocaleSwitch />
            {contact ? <SignOutButton /> : null}
          </div>
        }
      >
        {children}
      </SiteFrame>
    </ClientMessages>
  );
}
