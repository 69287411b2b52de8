import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Providers } from '@/components/providers';
import { ClientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: `${t('name')} · ${t('fullName')}`, template: `%s · ${t('name')}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body className="min-h-screen">
        <ClientMessages route="">
          <Providers>{children}</Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
