import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { formatDateTime } from '@/lib/i18n/format';
import { importJobAuthors, importJobDetail } from '@/lib/imports/report';
import { Card } from '@/components/ui/card';
import { Facts } from '@/components/registry/form-controls';
import { JobLive } from '@/components/imports/job-live';
import { JobAuthor } from '@/components/imports/jobs-table';
import { read, readOrNotFound } from '@/lib/server/read';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('report.title', { id: (await params).id }) };
}

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission('import:write');
  const { id: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const t = await getTranslations('imports');
  const detail = await readOrNotFound(importJobDetail, Number(raw));
  const { job } = detail;
  const by = (await read(importJobAuthors, [job.id])).get(job.id);
  return (
    <div className="space-y-5">
      <div>
        <Link href="/imports" className="text-sm text-brand-600 underline">← {t('report.back')}</Link>
        <h1 className="mt-2 text-2xl font-semibold text-ink">{t('report.title', { id: job.id })}</h1>
      </div>
      <Card>
        <Facts items={[
          { label: t('report.file'), value: <span className="font-medium">{job.filename}</span> },
          { label: t('report.format'), value: job.format.toUpperCase() },
          { label: t('report.by'), value: <JobAuthor by={by} /> },
          { label: t('report.uploaded'), value: formatDateTime(job.createdAt) },
          { label: t('report.finished'), value: job.finishedAt ? formatDateTime(job.finishedAt) : '—' },
        ]} />
      </Card>
      <Card><JobLive id={job.id} initial={detail} /></Card>
    </div>
  );
}
