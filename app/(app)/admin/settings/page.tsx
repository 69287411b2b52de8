import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { getDefaultDeadlineDays, getOfficeName } from '@/lib/settings';
import { OfficeNameForm } from '@/components/admin/office-name-form';
import { DeadlineSettingForm } from '@/components/cases/deadline-setting-form';
import { Card } from '@/components/ui/card';
import { read } from '@/lib/server/read';

export async function generateMetadata() {
  return { title: (await getTranslations('settingsPage'))('title') };
}

export default async function SettingsPage() {
  await requirePagePermission('admin:settings');
  const [t, tDoc] = await Promise.all([getTranslations('settingsPage'), getTranslations('documents.settings')]);
  const [days, office] = await Promise.all([read(getDefaultDeadlineDays), read(getOfficeName)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('subtitle')}</p>
      </div>
      <Card title={t('deadlineTitle')}>
        <p className="mb-3 text-sm text-muted">{t('current', { days })}</p>
        <DeadlineSettingForm days={days} />
      </Card>
      <Card title={tDoc('title')}>
        <OfficeNameForm name={office} />
      </Card>
    </div>
  );
}
