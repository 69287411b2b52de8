import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { getCampaignOrThrow } from '@/lib/campaigns/queries';
import { campaignRefSchema } from '@/lib/campaigns/ref';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listSectors } from '@/lib/taxonomy/queries';
import { CampaignForm } from '@/components/campaigns/campaign-form';
import { Card } from '@/components/ui/card';
import { readOrNotFound } from '@/lib/server/read';

export default async function EditCampaignPage({ params }: { params: Promise<{ idOrCode: string }> }) {
  await requirePagePermission('campaign:write');
  const ref = campaignRefSchema.safeParse(decodeURIComponent((await params).idOrCode));
  if (!ref.success) notFound();
  const [t, locale, sectors] = await Promise.all([getTranslations('campaigns'), getLocale().then(toLocale), listSectors()]);
  const c = await readOrNotFound(getCampaignOrThrow, ref.data);
  return (
    <div className="max-w-3xl space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{t('titleEdit', { code: c.code })}</h1>
      <Card>
        <CampaignForm
          initial={{ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, startsOn: c.startsOn, endsOn: c.endsOn, sectors: c.sectors, status: c.status }}
          sectors={sectors.filter((s) => s.active || c.sectors.includes(s.code)).map((s) => ({ value: s.code, label: pickLabel(s, locale) }))}
        />
      </Card>
    </div>
  );
}
