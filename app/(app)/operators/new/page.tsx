import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { regionPickerData } from '@/lib/regions/queries';
import { Card } from '@/components/ui/card';
import { OperatorForm } from '@/components/registry/operator-form';
import { read } from '@/lib/server/read';

export default async function NewOperatorPage() {
  await requirePagePermission('registry:write');
  const t = await getTranslations('registry');
  return (
    <div className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{t('operators.titleNew')}</h1>
      <Card><OperatorForm initial={{ name: '', uscc: '', contact: '' }} regions={await read(regionPickerData, null)} /></Card>
    </div>
  );
}
