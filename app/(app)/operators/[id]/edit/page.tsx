import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { getOperatorOrThrow } from '@/lib/registry/operators';
import { regionPickerData } from '@/lib/regions/queries';
import { Card } from '@/components/ui/card';
import { OperatorForm } from '@/components/registry/operator-form';
import { read, readOrNotFound } from '@/lib/server/read';

export default async function EditOperatorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission('registry:write');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const op = await readOrNotFound(getOperatorOrThrow, Number(id));
  const t = await getTranslations('registry');
  return (
    <div className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{t('operators.titleEdit')} · {op.name}</h1>
      <Card><OperatorForm initial={{ id: op.id, name: op.name, uscc: op.uscc, regionUnmatched: op.regionUnmatched, contact: op.contact }} regions={await read(regionPickerData, op.region)} /></Card>
    </div>
  );
}
