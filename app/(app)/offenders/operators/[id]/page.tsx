import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OperatorPortfolio } from '@/components/offenders/operator-portfolio';
import { requirePagePermission } from '@/lib/auth/page';
import { getOperatorOrThrow } from '@/lib/registry/operators';
import { readOrNotFound } from '@/lib/server/read';

/** The operator portfolio on a page of its own (the operator page mounts the same component). */
export default async function OperatorPortfolioPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission('offender:read');
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  await readOrNotFound(getOperatorOrThrow, id);
  const t = await getTranslations('offenders');
  return (
    <div className="space-y-4">
      <div>
        <Link href="/offenders" className="text-sm text-brand-600 hover:underline">← {t('detail.back')}</Link>
        <h1 className="mt-1 text-2xl font-semibold text-ink">{t('portfolio.title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('portfolio.subtitle')}</p>
      </div>
      <OperatorPortfolio operatorId={id} />
    </div>
  );
}
