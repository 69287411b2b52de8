import Link from '@/components/ui/link';
import { formatDay } from '@/lib/i18n/format';
import { SubjectEvasion } from '@/components/offenders/subject-evasion';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { getSubjectDetail } from '@/lib/registry/subject-detail';
import { listLinks } from '@/lib/subjects/links';
import { probableMatchesForSubject } from '@/lib/subjects/matching';
import { listCategories, listSectors } from '@/lib/taxonomy/queries';
import { listTaxonomy } from '@/lib/taxonomy/admin';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CaseStateBadge } from '@/components/registry/case-state-badge';
import { Facts } from '@/components/registry/form-controls';
import { DataTable } from '@/components/ui/data-table';
import { ProbableMatches } from '@/components/registry/probable-matches';
import { read, readOrNotFound } from '@/lib/server/read';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) notFound();
  return readOrNotFound(getSubjectDetail, Number(id));
}

export default async function SubjectPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission('registry:read');
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const d = await load(id);
  const [t, tc, locale, sectors, categories, links, matches, stores] = await Promise.all([
    getTranslations('registry'), getTranslations(), getLocale(), listSectors(), listCategories(), read(listLinks, d.subject.id), read(probableMatchesForSubject, d.subject.id), read(listTaxonomy, 'stores'),
  ]);
  const loc = toLocale(locale);
  const sector = sectors.find((s) => s.code === d.subject.sector);
  const categoryLabel = new Map(categories.map((c) => [c.code, pickLabel(c, loc)]));
  const storeLabel = new Map(stores.map((x) => [x.code, pickLabel(x, loc)]));
  const s = d.subject;
  // At most SUBJECT_DETAIL_ROWS rows a table: say so, and lead to the case list that pages through them all.
  const more = (kind: 'cases' | 'evidence', shown: number, total: number) => total > shown ? (
    <p className="mt-2 text-sm text-muted" data-testid={`subject-${kind}-more`}>
      {t('subject.showingLatest', { shown, total })}{' '}
      <Link href={`/cases?subject=${s.id}`} className="text-brand-600 hover:underline">{t('subject.allCases')}</Link>
    </p>
  ) : null;

  return (
    <div className="space-y-5">
      {sp.created ? <p role="status" className="rounded border border-ok/40 bg-[#e6f4ea] px-3 py-2 text-sm text-ok">{t('subject.createdBanner')}</p> : null}
      {sp.inspection ? <p role="status" data-testid="inspection-saved" className="rounded border border-ok/40 bg-[#e6f4ea] px-3 py-2 text-sm text-ok">{t.rich('subject.savedBannerLinked', { inspection: `#${sp.inspection}`, case: `#${sp.case ?? ''}`, link: (chunks) => (sp.case && /^\d+$/.test(String(sp.case)) ? <Link href={`/cases/${sp.case}`} className="font-semibold underline underline-offset-2">{chunks}</Link> : chunks) })}</p> : null}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{s.name}</h1>
          <p className="mt-2 flex flex-wrap gap-2">
            <Badge tone="brand">{tc(`subjectKind.${s.kind}`)}</Badge>
            <Badge>{tc(`platform.${s.platform}`)}</Badge>
            <Badge>{sector ? pickLabel(sector, loc) : s.sector}</Badge>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(actor.role, 'inspection:write') ? <Link href={`/inspections/new?subject=${s.id}`} className={buttonClass('primary')}>{t('subject.logInspection')}</Link> : null}
          {can(actor.role, 'registry:write') ? <Link href={`/subjects/${s.id}/edit`} className={buttonClass('secondary')}>{t('common.edit')}</Link> : null}
          <Link href={`/cases?subject=${s.id}`} className={buttonClass('secondary')}>{t('subject.allCases')}</Link>
        </div>
      </div>

      <div className="grid gap-5 xl:grid-cols-2">
        <Card title={t('subject.identity')}>
          <Facts
            items={[
              { label: t('subjects.operator'), value: d.operator ? <><Link href={`/operators/${d.operator.id}`} className="text-brand-600 hover:underline">{d.operator.name}</Link><span className="ml-2 font-mono text-xs text-muted">{d.operator.uscc}</span></> : '—' },
              { label: t('operators.region'), value: d.operator?.region ?? '—' },
              { label: t('common.created'), value: formatDay(s.createdAt) },
            ]}
          />
          <h3 className="mt-4 mb-2 text-sm font-semibold">{t('subject.identifiers')}</h3>
          {d.identifiers.length ? (
            <DataTable caption={t('subject.identifiers')} columns={[t('subject.identifierType'), t('subject.value'), t('subject.matchValue')]}>
              {d.identifiers.map((i) => (
                <tr key={i.id}><td className="whitespace-nowrap">{t(`identifierType.${i.type}`)}</td><td className="font-mono text-xs break-all">{i.value}</td><td className="font-mono text-xs break-all text-muted">{i.matchValue}</td></tr>
              ))}
            </DataTable>
          ) : <p className="text-sm text-muted">{t('subject.none')}</p>}
        </Card>
        <div className="space-y-5">
          <Card title={t('subject.names')}>
            <DataTable caption={t('subject.names')} columns={[t('subjects.name'), t('subject.validFrom'), t('subject.validTo')]}>
              {d.names.map((n) => (
                <tr key={n.id}><td>{n.name}</td><td className="tabular-nums">{formatDay(n.validFrom)}</td><td className="tabular-nums">{n.validTo ? formatDay(n.validTo) : <Badge tone="ok">{t('subject.current')}</Badge>}</td></tr>
              ))}
            </DataTable>
          </Card>
          <Card title={t('subject.listings')}>
            {d.storeListings.length ? (
              <DataTable caption={t('subject.listings')} columns={[t('subject.store'), t('subject.versionSeen')]}>
                {d.storeListings.map((l) => <tr key={l.id}><td>{storeLabel.get(l.store) ?? l.store}</td><td className="tabular-nums">{l.versionSeen ?? '—'}</td></tr>)}
              </DataTable>
            ) : <p className="text-sm text-muted">{t('subject.none')}</p>}
          </Card>
        </div>
      </div>

      <SubjectEvasion subjectId={s.id} />
      <Card title={t('subject.matches')}>
        <p className="mb-3 text-xs text-muted">{t('subject.matchesHint')}</p>
        <ProbableMatches subjectId={s.id} matches={matches} canDecide={can(actor.role, 'registry:write')} />
        {links.length ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold">{t('subject.links')}</h3>
            <ul className="space-y-1 text-sm">
              {links.map((l) => (
                <li key={l.otherId}><Link href={`/subjects/${l.otherId}`} className="text-brand-600 hover:underline">{l.otherName}</Link> <Badge tone={l.verdict === 'same' ? 'brand' : 'neutral'}>{t(`subject.verdict_${l.verdict}`)}</Badge> <span className="text-xs text-muted">{l.decidedAt}</span></li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <Card title={t('subject.cases')}>
        {d.cases.length ? (
          <DataTable caption={t('subject.cases')} columns={[t('subject.caseNo'), t('subject.state'), { label: t('subject.inspected'), hideOnPhone: true }, { label: t('subject.version'), hideOnPhone: true }, { label: t('subject.method'), hideOnPhone: true }, { label: t('subject.categories'), hideOnPhone: true }, t('subject.deadline')]}>
            {d.cases.map((c) => (
              <tr key={c.id}>
                <td className="whitespace-nowrap"><Link href={`/cases/${c.id}`} className="font-medium text-brand-600 hover:underline">#{c.id}</Link>{c.previousCaseId ? <div className="text-xs text-muted">{t('subject.recurrenceOf', { id: `#${c.previousCaseId}` })}</div> : null}</td>
                <td><CaseStateBadge state={c.state} label={tc(`caseState.${c.state}` as 'caseState.open')} overdue={c.overdue} overdueLabel={t('subjects.overdueBadge')} /></td>
                <td className="tabular-nums whitespace-nowrap">{c.inspectedOn}</td>
                <td className="tabular-nums">{c.foundVersion}</td>
                <td className="whitespace-nowrap">{tc(`method.${c.method}` as 'method.complaint')}</td>
                <td>{c.categories.map((code) => categoryLabel.get(code) ?? code).join('；')}</td>
                <td className="tabular-nums whitespace-nowrap">{c.deadline ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        ) : <p className="text-sm text-muted">{t('subject.none')}</p>}
        {more('cases', d.cases.length, d.casesTotal)}
      </Card>

      <Card title={t('subject.evidence')}>
        {d.evidence.length ? (
          <DataTable caption={t('subject.evidence')} columns={[t('subject.finding'), t('subject.sha256'), t('subject.mediaType'), t('subject.size'), '']}>
            {d.evidence.map((e) => (
              <tr key={`${e.findingId}-${e.sha256}`}>
                <td>{categoryLabel.get(e.category) ?? e.category} <span className="text-xs text-muted">· {tc(`severity.${e.severity}` as 'severity.low')}</span></td>
                <td className="font-mono text-xs break-all" data-testid="evidence-sha256">{e.sha256}</td>
                <td className="whitespace-nowrap">{e.mediaType}</td>
                <td className="tabular-nums whitespace-nowrap">{(e.byteSize / 1024).toFixed(1)} KB</td>
                <td><a href={`/api/v1/evidence/${e.sha256}`} className="text-brand-600 underline">{t('subject.download')}</a></td>
              </tr>
            ))}
          </DataTable>
        ) : <p className="text-sm text-muted">{t('subject.none')}</p>}
        {more('evidence', d.evidence.length, d.evidenceTotal)}
      </Card>
    </div>
  );
}
