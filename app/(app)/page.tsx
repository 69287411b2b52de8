import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePagePermission } from '@/lib/auth/page';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import { getSummary } from '@/lib/stats/summary';
import { getBySector } from '@/lib/stats/series';
import { listSectors } from '@/lib/taxonomy/queries';
import { officeToday } from '@/lib/time';
import { caseStateEnum } from '@/db/schema/enums';
import { Card } from '@/components/ui/card';
import { ChartFigure } from '@/components/charts/chart-figure';
import { HorizontalBarChart } from '@/components/charts/bar-chart';
import { SummaryTiles } from '@/components/dashboard/summary-tiles';

export default async function DashboardPage() {
  await requirePagePermission('dashboard:view');
  const [t, locale, db] = await Promise.all([getTranslations(), getLocale(), getDb()]);
  const [summary, bySector, sectors] = await Promise.all([getSummary(db), getBySector(db), listSectors()]);
  const sectorLabel = new Map(sectors.map((s) => [s.code, pickLabel(s, toLocale(locale))]));
  const sectorData = bySector.sectors.map((r) => ({ key: r.code, label: sectorLabel.get(r.code) ?? r.code, value: r.findings }));
  const stateRows = caseStateEnum.enumValues.map((s) => ({ key: s, label: t(`caseState.${s}`), value: summary.cases.current[s] }));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('dashboard.title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('dashboard.subtitle', { date: officeToday() })}</p>
      </div>
      <SummaryTiles initial={summary} />
      <div className="grid gap-6 xl:grid-cols-3">
        <Card title={t('dashboard.findingsBySector')} className="xl:col-span-2">
          <ChartFigure
            caption={t('dashboard.findingsBySector')}
            tableLabel={t('dashboard.showTable')}
            columns={[t('dashboard.sector'), t('dashboard.count')]}
            rows={sectorData}
          >
            <HorizontalBarChart data={sectorData} valueLabel={t('dashboard.findings')} />
          </ChartFigure>
        </Card>
        <Card title={t('dashboard.casesByState')}>
          <table className="w-full text-sm">
            <caption className="sr-only">{t('dashboard.casesByState')}</caption>
            <thead>
              <tr className="border-b border-line text-left text-muted">
                <th scope="col" className="py-1.5 font-medium">{t('dashboard.state')}</th>
                <th scope="col" className="py-1.5 text-right font-medium">{t('dashboard.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {stateRows.map((r) => (
                <tr key={r.key} className="border-b border-line/60" data-testid={`state-${r.key}`}>
                  <th scope="row" className="py-1.5 text-left font-normal">{r.label}</th>
                  <td className="py-1.5 text-right tabular-nums">{r.value.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  );
}
