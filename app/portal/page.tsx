import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePagePermission } from '@/lib/auth/page';
import { scopedOperator } from '@/lib/auth/scope';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal'))('title') };
}

/** A contact's home: its operator, then (lib/portal) its cases. Staff get the 403 page. */
export default async function PortalHome() {
  const actor = await requirePagePermission('portal:read');
  const db = await getDb();
  const op = await scopedOperator(db, actor);
  const t = await getTranslations('portal');
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-muted">{t('operator')}</p>
        <h1 className="text-2xl font-semibold text-ink">{op.name}</h1>
        <p className="mt-1 font-mono text-sm text-muted">{op.uscc}</p>
      </div>
      <p className="text-sm text-ink">{t('welcome', { name: actor.name })}</p>
    </div>
  );
}
