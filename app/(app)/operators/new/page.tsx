import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { getDb } from '@/db/client';
import { regionPickerData } from '@/lib/regions/queries';
import { Card } from '@/components/ui/card';
import { OperatorForm } from '@/components/registry/operator-form';

export default async function NewOperatorPage() {
  await requirePagePermission('registry:write');
  const t = await getTranslations('registry');
  return (
    <div className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{t('operators.titleNew')}</h1>
      <Card><OperatorForm initial={{ name: '', uscc: '', contact: '' }} regions={await regionPickerData(await getDb(), null)} /></Card>
    </div>
  );
}
