import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { toLocale } from '@/lib/i18n/locales';
import { subjectFormOptions } from '@/lib/registry/form-options';
import { getSubjectDetail } from '@/lib/registry/subject-detail';
import { Card } from '@/components/ui/card';
import { SubjectForm } from '@/components/registry/subject-form';
import { readOrNotFound } from '@/lib/server/read';

export default async function EditSubjectPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission('registry:write');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const d = await readOrNotFound(getSubjectDetail, Number(id));
  const [t, locale] = await Promise.all([getTranslations('registry'), getLocale()]);
  const options = await subjectFormOptions(toLocale(locale), d.subject.operatorId);
  return (
    <div className="max-w-4xl space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{t('subjectForm.titleEdit')} · {d.subject.name}</h1>
      <Card>
        <SubjectForm
          sectors={options.sectors}
          initial={{
            id: d.subject.id,
            kind: d.subject.kind,
            platform: d.subject.platform,
            name: d.subject.name,
            sector: d.subject.sector,
            operator: options.operator,
            identifiers: Object.fromEntries(d.identifiers.map((i) => [i.type, i.value])),
            storeListings: d.storeListings.map((l) => ({ store: l.store, versionSeen: l.versionSeen ?? '' })),
          }}
        />
      </Card>
    </div>
  );
}
