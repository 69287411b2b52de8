import { formatDay } from '@/lib/i18n/format';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { noticeKindEnum } from '@/db/schema/enums';
import { NoticeKindBadge } from '@/components/notices/status-badge';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
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
      <form method="get" className="grid gap-3 rounded-md border border-line bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
        <div>
          <label htmlFor="q" className="mb-1 block text-xs font-medium text-muted">{t('searchLabel')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} className={inputClass} />
        </div>
        <div>
          <label htmlFor="year" className="mb-1 block text-xs font-medium text-muted">{t('year')}</label>
          <select id="year" name="year" defaultValue={filters.year ?? ''} className={inputClass}>
            <option value="">{t('allYears')}</option>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="kind" className="mb-1 block text-xs font-medium text-muted">{t('kind')}</label>
          <select id="kind" name="kind" defaultValue={filters.kind ?? ''} className={inputClass}>
            <option value="">{t('allKinds')}</option>
            {noticeKindEnum.enumValues.map((k) => <option key={k} value={k}>{t(`kindLabel.${k}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="sector" className="mb-1 block text-xs font-medium text-muted">{t('sector')}</label>
          <select id="sector" name="sector" defaultValue={filters.sector ?? ''} className={inputClass}>
            <option value="">{t('allSectors')}</option>
            {sectors.map((s) => <option key={s.code} value={s.code}>{pickLabel(s, locale)}</option>)}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{t('apply')}</button>
          <Link href="/notices" className={buttonClass('secondary')}>{t('reset')}</Link>
        </div>
      </form>

      <DataTable caption={t('publicTitle')} columns={[t('number'), t('title'), t('kind'), t('publishedOn'), { label: t('entries'), numeric: true }, t('downloads')]} empty={t('noneFound')}>
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
