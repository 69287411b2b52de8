import { isCampaign } from '@/lib/campaigns/ref';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { directTargets } from '@/lib/cases/ladder';
import { listCases } from '@/lib/cases/list';
import { operatorOption } from '@/lib/registry/operators';
import { caseListSchema, caseListSearch, resolveAssignee } from '@/lib/cases/filters';
import { parsePageQuery, type RawSearchParams } from '@/lib/cases/page-query';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { getDefaultDeadlineDays } from '@/lib/settings';
import { listCampaigns } from '@/lib/taxonomy/campaigns';
import { listCategories, listSectors } from '@/lib/taxonomy/queries';
import { addDays, officeToday } from '@/lib/time';
import { CaseFilters } from '@/components/cases/case-filters';
import { CaseTable, type CaseTableLabels } from '@/components/cases/case-table';
import { packCaseRow } from '@/components/cases/case-rows';
import { formatDay } from '@/lib/i18n/format';
import type { CaseState } from '@/lib/cases/ladder';
import { buttonClass } from '@/components/ui/button';
import { firstPageOnBadCursor } from '@/lib/http/cursor';
import { read } from '@/lib/server/read';

export async function generateMetadata() {
  return { title: (await getTranslations('cases'))('title') };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePagePermission('case:read');
  const [t, locale, raw] = await Promise.all([getTranslations(), getLocale().then(toLocale), searchParams]);
  const { query, badFields } = parsePageQuery(caseListSchema, raw);
  const { format: _format, ...listQuery } = query;
  void _format;
  // "My cases" is the list filtered by assignee=me: the URL says it, the server resolves it to the user.
  const resolved = actor.kind === 'user' || listQuery.assignee !== 'me' ? resolveAssignee(listQuery, actor) : { ...listQuery, assignee: undefined };
  const [page, sectors, categories, campaigns, days, operator] = await Promise.all([
    firstPageOnBadCursor(resolved, (q) => read(listCases, q)),
    listSectors(),
    listCategories(),
    listCampaigns(),
    read(getDefaultDeadlineDays),
    read(operatorOption, query.operator),
  ]);
  const canAct = can(actor.role, 'case:transition');
  // "Select all N matching": only when the filters match more than this page; the table asks for the
  // count (countMatchingCases) when the whole page is selected, not on every render (issue #18).
  const matching = canAct && page.nextCursor ? { filter: caseListSearch({ ...query, cursor: undefined, limit: undefined, format: undefined, sort: undefined }) } : undefined;
  // Each row as the table reads it (what it never shows is not sent, the day it was opened as shown),
  // each state's targets once.
  const rows = page.items.map(({ foundVersion: _v, campaignId: _c, campaignCode: _cc, assigneeId: _a, ...c }) => ({ ...c, openedAt: formatDay(c.openedAt) }));
  const targets = canAct ? Object.fromEntries([...new Set(rows.map((r) => r.state))].map((s) => [s, directTargets(s, actor.role)])) : {};
  const filters = { ...query, cursor: undefined, limit: query.limit, format: undefined };
  // The words of the rows on this page, each translated once (issue #18).
  const each = <K extends string>(keys: Iterable<K>, word: (k: K) => string) => Object.fromEntries([...new Set(keys)].map((k) => [k, word(k)]));
  const labels: CaseTableLabels = {
    sectors: Object.fromEntries(sectors.map((s) => [s.code, pickLabel(s, locale)])),
    categories: Object.fromEntries(categories.map((c) => [c.code, pickLabel(c, locale)])),
    kinds: each(rows.map((r) => r.subjectKind), (k) => t(`subjectKind.${k}`)),
    platforms: each(rows.map((r) => r.platform), (p) => t(`platform.${p}`)),
    states: each<CaseState>(rows.map((r) => r.state), (s) => t(`caseState.${s}`)),
    removedMini: t('caseDetail.removedMini'),
    overdueBadge: t('cases.overdueBadge'),
    recurrence: t('cases.recurrence'),
    mark: t('offenders.mark'),
    markTitle: t('offenders.markTitle'),
    select: t('cases.select', { id: '{id}' }),
  };
  const opt = (rows: { code: string; labelZh: string; labelEn: string }[]) => rows.map((r) => ({ value: r.code, label: pickLabel(r, locale) }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{t('cases.title')}</h1>
          <p className="mt-1 text-sm text-muted">{t('cases.subtitle', { count: page.items.length })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/v1/cases${caseListSearch({ ...filters, limit: undefined, format: 'xlsx' })}`} className={buttonClass('secondary', 'py-1.5')} download data-testid="export-xlsx">
            {t('exports.xlsx')}
          </a>
          <a href={`/api/v1/cases${caseListSearch({ ...filters, limit: undefined, format: 'csv' })}`} className={buttonClass('secondary', 'py-1.5')} download>
            {t('cases.exportCsv')}
          </a>
        </div>
      </div>
      <nav aria-label={t('caseWork.myCases')} className="flex flex-wrap gap-1 border-b border-line text-sm">
        {([
          [undefined, t('caseWork.allCases')],
          ['me', t('caseWork.myCases')],
          ['none', t('caseWork.unassignedCases')],
        ] as const).map(([value, label]) => {
          const current = query.assignee === value;
          return (
            <Link
              key={label}
              href={`/cases${caseListSearch({ ...filters, assignee: value })}`}
              aria-current={current ? 'page' : undefined}
              className={`-mb-px border-b-2 px-3 py-1.5 ${current ? 'border-brand font-semibold text-ink' : 'border-transparent text-muted hover:text-ink'}`}
            >
              {label}
            </Link>
          );
        })}
      </nav>
      {badFields.length ? (
        <p role="alert" className="rounded border border-warn/40 bg-[#fdf3dc] px-3 py-2 text-sm text-warn">{t('cases.badFilter', { fields: badFields.join(', ') })}</p>
      ) : null}
      <CaseFilters
        query={{ ...query, campaign: campaigns.find((c) => isCampaign(c, query.campaign))?.code ?? query.campaign }}
        sectors={opt(sectors)}
        categories={opt(categories)}
        campaigns={campaigns.map((c) => ({ value: c.code, label: pickLabel(c, locale) }))}
        operator={operator ?? (query.operator ? { id: query.operator, label: `#${query.operator}` } : null)}
      />
      <CaseTable
        rows={rows.map(packCaseRow)}
        targets={targets}
        canAct={canAct}
        defaultDeadline={addDays(officeToday(), days)}
        matching={matching}
        labels={labels}
      />
      <nav aria-label={t('cases.tableCaption')} className="flex gap-2">
        {query.cursor ? <Link href={`/cases${caseListSearch(filters)}`} className={buttonClass('secondary', 'py-1.5')}>{t('cases.firstPage')}</Link> : null}
        {page.nextCursor ? (
          <Link href={`/cases${caseListSearch({ ...filters, cursor: page.nextCursor })}`} className={buttonClass('secondary', 'py-1.5')} rel="next">
            {t('cases.nextPage')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
