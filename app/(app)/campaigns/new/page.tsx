import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listSectors } from '@/lib/taxonomy/queries';
import { officeToday } from '@/lib/time';
import { CampaignForm } from '@/components/campaigns/campaign-form';
import { Card } from '@/components/ui/card';

export default async function NewCampaignPage() {
  await requirePagePermission('campaign:write');
  const [t, locale, sectors] = await Promise.all([getTranslations('campaigns'), getLocale().then(toLocale), listSectors()]);
  return (
    <div className="max-w-3xl space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{t('titleNew')}</h1>
      <Card>
        <CampaignForm
          initial={{ code: '', nameZh: '', nameEn: '', startsOn: officeToday(), endsOn: '', sectors: [] }}
          sectors={sectors.filter((s) => s.active).map((s) => ({ value: s.code, label: pickLabel(s, locale) }))}
        />
      </Card>
    </div>
  );
}
