import { RegionName } from '@/components/regions/region-name';
import Link from '@/components/ui/link';
import { formatDay } from '@/lib/i18n/format';
import { OperatorPortfolio } from '@/components/offenders/operator-portfolio';
import { OperatorContacts } from '@/components/portal/operator-contacts';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { subjectListQuerySchema } from '@/lib/registry/list-schemas';
import { getOperatorOrThrow } from '@/lib/registry/operators';
import { listSubjects } from '@/lib/registry/subject-list';
import { listSectors } from '@/lib/taxonomy/queries';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CaseStateBadge } from '@/components/registry/case-state-badge';
import { Facts } from '@/components/registry/form-controls';
import { DataTable } from '@/components/ui/data-table';
import { read, readOrNotFound } from '@/lib/server/read';

export default async function OperatorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('registry:read');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const op = await readOrNotFound(getOperatorOrThrow, Number(id));
  const [t, tc, locale, sectors, subjects] = await Promise.all([
    getTranslations('registry'), getTranslations(), getLocale(), listSectors(),
    read(listSubjects, subjectListQuerySchema.parse({ operator: String(op.id), sort: 'name', limit: '200' })),
  ]);
  const sectorLabel = new Map(sectors.map((s) => [s.code, pickLabel(s, toLocale(locale))]));
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">{op.name}</h1>
          <p className="mt-1 font-mono text-sm text-muted">{op.uscc}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(actor.role, 'registry:write') ? <Link href={`/subjects/new?operator=${op.id}`} className={buttonClass('primary')}>{t('subjects.new')}</Link> : null}
          {can(actor.role, 'registry:write') ? <Link href={`/operators/${op.id}/edit`} className={buttonClass('secondary')}>{t('common.edit')}</Link> : null}
          <Link href={`/cases?operator=${op.id}`} className={buttonClass('secondary')}>{t('subject.operatorCases')}</Link>
        </div>
      </div>
      <Card title={t('subject.identity')}>
        <Facts items={[
          { label: t('operators.uscc'), value: <span className="font-mono">{op.uscc}</span> },
          { label: t('operators.region'), value: <RegionName name={op.regionName} unmatched={op.regionUnmatched !== null} /> },
          { label: t('operators.contact'), value: op.contact || '—' },
          { label: t('common.created'), value: formatDay(op.createdAt) },
        ]} />
      </Card>
      <Card title={`${t('subjects.results')} (${subjects.items.length}${subjects.nextCursor ? '+' : ''})`} action={<Link href={`/subjects?operator=${op.id}`} className="text-sm text-brand-600 underline">{t('subjects.title')}</Link>}>
        {subjects.items.length ? (
          <DataTable caption={t('subjects.results')} columns={[t('subjects.name'), { label: t('subjects.kind'), hideOnPhone: true }, { label: t('subjects.platform'), hideOnPhone: true }, { label: t('subjects.sector'), hideOnPhone: true }, t('subjects.state'), { label: t('subjects.lastInspection'), hideOnPhone: true }]}>
            {subjects.items.map((s) => (
              <tr key={s.id}>
                <td><Link href={`/subjects/${s.id}`} className="font-medium text-brand-600 hover:underline">{s.name}</Link></td>
                <td>{tc(`subjectKind.${s.kind}`)}</td>
                <td>{tc(`platform.${s.platform}`)}</td>
                <td>{sectorLabel.get(s.sector) ?? s.sector}</td>
                <td>{s.latestState ? <Link href={`/cases/${s.latestCaseId}`}><CaseStateBadge state={s.latestState} label={tc(`caseState.${s.latestState}`)} overdue={s.overdue} overdueLabel={t('subjects.overdueBadge')} /></Link> : <span className="text-muted">{t('subjects.noCase')}</span>}</td>
                <td className="tabular-nums">{s.lastInspectedOn ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        ) : <p className="text-sm text-muted">{t('subject.none')}</p>}
      </Card>
      <OperatorContacts actor={actor} operatorId={op.id} />
      <OperatorPortfolio operatorId={op.id} />
    </div>
  );
}
