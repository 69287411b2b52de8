import { formatDay } from '@/lib/i18n/format';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { noticeKindEnum } from '@/db/schema/enums';
import { NoticeKindBadge } from '@/components/notices/status-badge';
import { buttonClass } from '@/components/ui/button';
import { FilterButtons, FilterForm, FilterSelect, FilterText } from '@/components/ui/filter-form';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { cachedPublicNotices, cachedPublicSectors, cachedPublicYears } from '@/lib/notices/public-cache';
import { publicListQuerySchema } from '@/lib/notices/schemas';
import { read } from '@/lib/server/read';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notices'))('publicTitle'), alternates: { types: { 'application/atom+xml': '/notices/feed.xml' } } };
}

type SP = Record<string, string | string[] | undefined>;

/** Published notices for everyone: search, year, kind and sector filters in the URL. */
export default async function PublicNoticesPage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([k, v]) => ['q', 'year', 'kind', 'sector', 'cursor'].includes(k) && typeof v === 'string' && v !== ''));
  const parsed = publicListQuerySchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : publicListQuerySchema.parse({});
  const [t, locale, sectors] = await Promise.all([getTranslations('notices'), getLocale().then(toLocale), cachedPublicSectors()]);
  const [{ notices, nextCursor }, years] = await Promise.all([read(cachedPublicNotices, filters), read(cachedPublicYears)]);
  const lang = locale === 'en' ? '&lang=en' : '';

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('publicTitle')}</h1>
        <p className="mt-1 text-sm text-muted">{t('publicSubtitle')}</p>
      </div>
      <FilterForm action="/notices" label={t('publicFilters')} className="grid gap-3 rounded-md border border-line bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
        <FilterText id="q" name="q" label={t('searchLabel')} value={filters.q} placeholder={t('searchPlaceholder')} />
        <FilterSelect id="year" name="year" label={t('year')} value={filters.year?.toString()} any={t('allYears')} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <FilterSelect id="kind" name="kind" label={t('kind')} value={filters.kind} any={t('allKinds')} options={noticeKindEnum.enumValues.map((k) => ({ value: k, label: t(`kindLabel.${k}`) }))} />
        <FilterSelect id="sector" name="sector" label={t('sector')} value={filters.sector} any={t('allSectors')} options={sectors.map((s) => ({ value: s.code, label: pickLabel(s, locale) }))} />
        <FilterButtons action="/notices" apply={t('apply')} reset={t('reset')} className="items-end" />
      </FilterForm>

      <DataTable
        caption={t('publicTitle')}
        stackOnPhone
        columns={[{ label: t('number'), bareOnPhone: true }, { label: t('title'), bareOnPhone: true }, { label: t('kind'), bareOnPhone: true }, t('publishedOn'), { label: t('entries'), numeric: true }, t('downloads')]}
        empty={t('noneFound')}
      >
            {notices.map((n) => (
              <tr key={n.slug} className="border-b border-line/70 align-top last:border-0" data-testid={`notice-${n.slug}`}>
                <td className="whitespace-nowrap px-3 py-2.5 tabular-nums text-muted">{n.label[locale]}</td>
                <td className="px-3 py-2.5">
                  <Link href={`/notices/${n.slug}`} className="font-medium text-brand-600 hover:underline">{n.title[locale]}</Link>
                  {n.corrects ? <p className="mt-0.5 text-xs text-muted">{t('corrects')} {n.corrects.label[locale]}</p> : null}
                  {n.correctedBy.length ? <p className="mt-0.5 text-xs text-accent">{t('correctedBy')} {n.correctedBy.map((c) => c.label[locale]).join(', ')}</p> : null}
                </td>
                <td className="px-3 py-2.5"><NoticeKindBadge kind={n.kind} /></td>
                <td className="whitespace-nowrap px-3 py-2.5 tabular-nums">{formatDay(n.publishedAt)}</td>
                <td className="px-3 py-2.5 text-right tabular-nums">{n.entryCount}</td>
                <td className="whitespace-nowrap px-3 py-2.5 text-xs">
                  <a href={`/api/public/notices/${n.slug}?format=csv${lang}`} className="text-brand-600 hover:underline">{t('csv')}</a>
                  <span aria-hidden className="mx-1.5 text-line">|</span>
                  <a href={`/api/public/notices/${n.slug}`} className="text-brand-600 hover:underline">{t('json')}</a>
                </td>
              </tr>
            ))}
      </DataTable>
      {nextCursor ? (
        <Link href={`/notices?${new URLSearchParams({ ...(raw as Record<string, string>), cursor: String(nextCursor) })}`} className={buttonClass('secondary')}>→</Link>
      ) : null}
    </div>
  );
}
