import { formatNumber } from '@/lib/i18n/format';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { campaignCounts, getCampaignOrThrow } from '@/lib/campaigns/queries';
import { campaignRefSchema } from '@/lib/campaigns/ref';
import { caseListHref, caseListSchema } from '@/lib/cases/filters';
import { listCases } from '@/lib/cases/list';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { listFlags } from '@/lib/offenders/queries';
import { flagFiltersSchema } from '@/lib/offenders/schemas';
import { getSummary } from '@/lib/stats/summary';
import { listSectors } from '@/lib/taxonomy/queries';
import { CampaignStatusBadge } from '@/components/campaigns/status-badge';
import { CloseCampaignButton } from '@/components/campaigns/close-button';
import { OverdueBadge, StateBadge } from '@/components/cases/badges';
import { RuleBadge } from '@/components/offenders/badges';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { read, readOrNotFound } from '@/lib/server/read';

const SHOWN = 10;

export default async function CampaignPage({ params }: { params: Promise<{ idOrCode: string }> }) {
  const actor = await requirePagePermission('case:read');
  const ref = campaignRefSchema.safeParse(decodeURIComponent((await params).idOrCode));
  if (!ref.success) notFound();
  const [t, locale] = await Promise.all([getTranslations('campaigns'), getLocale().then(toLocale)]);
  const campaign = await readOrNotFound(getCampaignOrThrow, ref.data);
  const [summary, counts, cases, flags, sectors] = await Promise.all([
    read(getSummary, { campaign: campaign.id }),
    read(campaignCounts, campaign.id),
    read(listCases, caseListSchema.parse({ campaign: String(campaign.id), limit: SHOWN })),
    read(listFlags, flagFiltersSchema.parse({ campaign: String(campaign.id), limit: SHOWN })),
    listSectors(),
  ]);
  const fmt = (n: number) => formatNumber(n, locale);
  const name = locale === 'zh' ? campaign.nameZh : campaign.nameEn;
  const other = locale === 'zh' ? campaign.nameEn : campaign.nameZh;
  const steps = [
    { key: 'cases', n: counts.cases, href: caseListHref({ campaign: campaign.code }) },
    { key: 'ordered', n: summary.cases.funnel.ordered, href: caseListHref({ campaign: campaign.code, reached: 'ordered' }) },
    { key: 'notified', n: summary.cases.funnel.notified, href: caseListHref({ campaign: campaign.code, reached: 'notified' }) },
    { key: 'removed', n: summary.cases.funnel.removed, href: caseListHref({ campaign: campaign.code, reached: 'removed' }) },
    { key: 'overdue', n: summary.cases.overdue, href: caseListHref({ campaign: campaign.code, overdue: true }) },
  ] as const;
  const writer = can(actor.role, 'campaign:write');

  return (
    <div className="space-y-4">
      <Link href="/campaigns" className="text-sm text-brand-600 underline">← {t('back')}</Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold text-ink">{name}</h1>
          <p className="mt-1 text-sm text-muted" lang={locale === 'zh' ? 'en' : 'zh-CN'}>{other}</p>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <CampaignStatusBadge status={campaign.status} />
            <span className="font-mono text-xs text-muted">{campaign.code}</span>
            <span className="tabular-nums text-ink">{campaign.startsOn} – {campaign.endsOn}</span>
          </p>
        </div>
        {writer ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`/campaigns/${encodeURIComponent(campaign.code)}/edit`} className={buttonClass('secondary')}>{t('edit')}</Link>
            {campaign.status !== 'closed' ? <CloseCampaignButton code={campaign.code} /> : null}
          </div>
        ) : null}
      </div>
      <dl className="grid gap-3 rounded-md border border-line bg-white p-4 text-sm shadow-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs text-muted">{t('sectors')}</dt>
          <dd className="mt-1 flex flex-wrap gap-1">
            {campaign.sectors.map((code) => {
              const s = sectors.find((x) => x.code === code);
              return <span key={code} className="rounded border border-line bg-canvas px-2 py-0.5 text-xs">{s ? pickLabel(s, locale) : code}</span>;
            })}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t('subjects')} · {t('inspections')} · {t('findings')}</dt>
          <dd className="mt-1 tabular-nums">{fmt(counts.subjects)} · {fmt(counts.inspections)} · {fmt(summary.findings)}</dd>
          <dd className="mt-1 text-xs text-muted">{t('importHint', { code: campaign.code })}</dd>
        </div>
      </dl>
      <Card title={t('funnel')}>
        <p className="mb-3 text-xs text-muted">{t('funnelHint')}</p>
        <ol className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label={t('funnel')}>
          {steps.map((s) => (
            <li key={s.key}>
              <Link href={s.href} className="block rounded border border-line px-3 py-2 hover:border-brand-600" data-step={s.key}>
                <span className="block text-xs text-muted">{t(`funnelStep.${s.key}`)}</span>
                <span className={`block text-xl font-semibold tabular-nums ${s.key === 'overdue' && s.n ? 'text-accent' : 'text-ink'}`}>{fmt(s.n)}</span>
              </Link>
            </li>
          ))}
        </ol>
      </Card>
      <Card title={t('latestCases')} action={<Link href={caseListHref({ campaign: campaign.code })} className="text-sm text-brand-600 underline">{t('allCases', { count: fmt(counts.cases) })}</Link>}>
        {cases.items.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-muted">
                <tr><th scope="col" className="py-1 pr-3">{t('caseNo')}</th><th scope="col" className="py-1 pr-3">{t('subject')}</th><th scope="col" className="py-1 pr-3">{t('state')}</th><th scope="col" className="hidden py-1 pr-3 sm:table-cell">{t('deadline')}</th></tr>
              </thead>
              <tbody>
                {cases.items.map((c) => (
                  <tr key={c.id} className="border-t border-line">
                    <td className="py-1.5 pr-3"><Link href={`/cases/${c.id}`} className="text-brand-600 underline">#{c.id}</Link></td>
                    <td className="py-1.5 pr-3">{c.subjectName}<div className="text-xs text-muted">{c.operatorName ?? '—'}</div></td>
                    <td className="py-1.5 pr-3"><span className="flex flex-wrap gap-1"><StateBadge state={c.state} mini={c.subjectKind === 'mini_program'} /><OverdueBadge overdue={c.overdue} /></span></td>
                    <td className="hidden py-1.5 pr-3 tabular-nums sm:table-cell">{c.deadline ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-muted">{t('noCases')}</p>
        )}
      </Card>
      <Card title={t('flags')} action={<Link href={`/offenders?campaign=${encodeURIComponent(campaign.code)}`} className="text-sm text-brand-600 underline">{t('allFlags')}</Link>}>
        {flags.items.length ? (
          <ul className="divide-y divide-line text-sm">
            {flags.items.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2 py-1.5">
                <RuleBadge rule={f.rule} />
                <Link href={`/offenders/${f.id}`} className="text-brand-600 underline">{f.operatorName ?? f.subjectName ?? `#${f.id}`}</Link>
                <span className="text-xs text-muted">{t('cases')}: {fmt(f.caseCount)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t('noFlags')}</p>
        )}
      </Card>
    </div>
  );
}
