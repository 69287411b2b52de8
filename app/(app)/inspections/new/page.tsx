import { getLocale, getTranslations } from 'next-intl/server';
import { listOpenCampaigns } from '@/lib/campaigns/queries';
import { subjectOption } from '@/lib/registry/subject-detail';
import { read } from '@/lib/server/read';
import { requirePagePermission } from '@/lib/auth/page';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listCategories } from '@/lib/taxonomy/queries';
import { officeToday } from '@/lib/time';
import { Card } from '@/components/ui/card';
import { InspectionForm } from '@/components/registry/inspection-form';

export default async function NewInspectionPage({ searchParams }: { searchParams: Promise<{ subject?: string }> }) {
  await requirePagePermission('inspection:write');
  const [t, locale, sp, categories, campaignRows] = await Promise.all([getTranslations('registry.inspection'), getLocale(), searchParams, listCategories(), read(listOpenCampaigns)]);
  const loc = toLocale(locale);
  const subject = sp.subject && /^\d{1,9}$/.test(sp.subject) ? await read(subjectOption, Number(sp.subject)) : null;
  return (
    <div className="max-w-5xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('subtitle')}</p>
      </div>
      <Card>
        <InspectionForm
          today={officeToday()}
          initialSubject={subject ?? null}
          categories={categories.filter((c) => c.active).map((c) => ({ code: c.code, label: pickLabel(c, loc), legalBasis: loc === 'zh' ? c.legalBasisZh : c.legalBasisEn }))}
          campaigns={campaignRows.map((c) => ({ id: c.id, label: `${loc === 'zh' ? c.nameZh : c.nameEn} (${c.startsOn} – ${c.endsOn})` }))}
        />
      </Card>
    </div>
  );
}
