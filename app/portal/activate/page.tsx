import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { ActivateForm } from '@/components/portal/activate-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal'))('activate.title') };
}

/** Public: the invitation's one-time link lands here; the token in the link is the only credential. */
export default async function ActivatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('portal');
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw.slice(0, 200) : '';
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold text-ink">{t('activate.title')}</h1>
      <Card>
        {token ? <ActivateForm token={token} /> : <p role="alert" className="text-sm text-accent">{t('activate.noToken')}</p>}
      </Card>
    </div>
  );
}
