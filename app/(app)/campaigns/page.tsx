import { formatNumber } from '@/lib/i18n/format';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { caseCountsByCampaign, listCampaignPage } from '@/lib/campaigns/queries';
import { campaignListSchema } from '@/lib/campaigns/schemas';
import { parsePageQuery } from '@/lib/cases/page-query';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listSectors } from '@/lib/taxonomy/queries';
import { CampaignStatusBadge } from '@/components/campaigns/status-badge';
import { Pager } from '@/components/registry/pager';
import { buttonClass } from '@/components/ui/button';
import { read } from '@/lib/server/read';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CampaignsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('case:read');
  const [t, tr, locale, raw] = await Promise.all([getTranslations('campaigns'), getTranslations('registry'), getLocale().then(toLocale), searchParams]);
  const { query } = parsePageQuery(campaignListSchema, raw);
  const [page, sectors] = await Promise.all([firstPageOnBadCursor(query, (q) => read(listCampaignPage, q)), listSectors()]);
  const counts = await read(caseCountsByCampaign, page.items.map((c) => c.id));
  const sectorLabel = (code: string) => {
    const s = sectors.find((x) => x.code === code);
    return s ? pickLabel(s, locale) : code;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted">{t('subtitle')}</p>
        </div>
        {can(actor.role, 'campaign:write') ? <Link href="/campaigns/new" className={buttonClass('primary')}>{t('new')}</Link> : null}
      </div>
      <div className="overflow-x-auto rounded-md border border-line bg-white shadow-sm">
        {page.items.length ? (
          <table className="w-full text-sm">
            <thead className="bg-canvas text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">{t('name')}</th>
                <th scope="col" className="px-3 py-2">{t('dates')}</th>
                <th scope="col" className="px-3 py-2">{t('status')}</th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">{t('sectors')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('cases')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id} className="border-t border-line align-top">
                  <td className="px-3 py-2">
                    <Link href={`/campaigns/${encodeURIComponent(c.code)}`} className="font-medium text-brand-600 underline">{locale === 'zh' ? c.nameZh : c.nameEn}</Link>
                    <div className="font-mono text-xs text-muted">{c.code}</div>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{c.startsOn} – {c.endsOn}</td>
                  <td className="px-3 py-2"><CampaignStatusBadge status={c.status} /></td>
                  <td className="hidden px-3 py-2 text-xs text-muted md:table-cell">{c.sectors.map(sectorLabel).join('、')}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    <Link href={`/cases?campaign=${encodeURIComponent(c.code)}`} className="text-brand-600 underline">{formatNumber(counts.get(c.id) ?? 0, locale)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="p-4 text-sm text-muted">{t('empty')}</p>
        )}
        <Pager
          basePath="/campaigns"
          params={Object.fromEntries(Object.entries({ status: query.status, cursor: query.cursor }).filter(([, v]) => v)) as Record<string, string>}
          nextCursor={page.nextCursor}
          labels={{ first: tr('common.firstPage'), next: tr('common.nextPage'), showing: tr('common.showing', { count: page.items.length }) }}
        />
      </div>
    </div>
  );
}
