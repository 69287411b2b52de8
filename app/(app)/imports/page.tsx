import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { firstValues } from '@/lib/registry/list-schemas';
import { listImportJobs } from '@/lib/imports/jobs';
import { importJobAuthors } from '@/lib/imports/report';
import { importListSchema } from '@/lib/imports/schemas';
import { Card } from '@/components/ui/card';
import { Pager } from '@/components/registry/pager';
import { FormatHelp } from '@/components/imports/format-help';
import { JobsTable } from '@/components/imports/jobs-table';
import { UploadForm } from '@/components/imports/upload-form';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { read } from '@/lib/server/read';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') };
}

export default async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission('import:write');
  const raw = firstValues(await searchParams);
  const parsed = importListSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : importListSchema.parse({});
  const [t, tc] = await Promise.all([getTranslations('imports'), getTranslations('registry')]);
  const page = await firstPageOnBadCursor(query, (q) => read(listImportJobs, q));
  const authors = await read(importJobAuthors, page.items.map((j) => j.id));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t('subtitle')}</p>
      </div>
      <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
        <Card title={t('upload.title')}><UploadForm /></Card>
        <Card title={t('format.title')}><FormatHelp /></Card>
      </div>
      <section className="rounded-md border border-line bg-white shadow-sm" aria-labelledby="recent-imports">
        <h2 id="recent-imports" className="border-b border-line px-4 py-3 text-[15px] font-semibold text-ink">{t('recent')}</h2>
        <JobsTable jobs={page.items.map((j) => ({ ...j, by: authors.get(j.id) }))} />
        <Pager basePath="/imports" params={raw} nextCursor={page.nextCursor} labels={{ first: tc('common.firstPage'), next: tc('common.nextPage'), showing: tc('common.showing', { count: page.items.length }) }} />
      </section>
    </div>
  );
}
