import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { toLocale } from '@/lib/i18n/locales';
import { subjectFormOptions } from '@/lib/registry/form-options';
import { Card } from '@/components/ui/card';
import { SubjectForm } from '@/components/registry/subject-form';

export default async function NewSubjectPage({ searchParams }: { searchParams: Promise<{ operator?: string }> }) {
  await requirePagePermission('registry:write');
  const [t, locale, sp] = await Promise.all([getTranslations('registry'), getLocale(), searchParams]);
  const options = await subjectFormOptions(toLocale(locale), sp.operator && /^\d{1,9}$/.test(sp.operator) ? Number(sp.operator) : null);
  return (
    <div className="max-w-4xl space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{t('subjectForm.titleNew')}</h1>
      <Card>
        <SubjectForm
          sectors={options.sectors}
          initial={{ kind: 'mini_program', platform: 'wechat', name: '', sector: '', operator: options.operator, identifiers: {}, storeListings: [] }}
        />
      </Card>
    </div>
  );
}
