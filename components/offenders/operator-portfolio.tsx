import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { FlagStatusBadge, RuleBadge } from '@/components/offenders/badges';
import { FlagSummary } from '@/components/offenders/flag-summary';
import { OffenderMark } from '@/components/offenders/offender-mark';
import { ReviewHistory } from '@/components/offenders/review-history';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { flagHistory } from '@/lib/offenders/queries';
import { isOpenState, monthRange, operatorPortfolio } from '@/lib/offenders/portfolio';
import { read } from '@/lib/server/read';

/**
 * Every subject of the operator with its cases on ONE timeline (a month grid across product lines and
 * platforms; the grid is itself the table), and the operator's flags with their review history.
 */
export async function OperatorPortfolio({ operatorId }: { operatorId: number }) {
  const [t, tc] = await Promise.all([getTranslations('offenders'), getTranslations()]);
  const { operator, subjects, flags } = await read(operatorPortfolio, operatorId);
  const months = monthRange(subjects.flatMap((s) => s.cases.map((c) => c.month)));
  const history = await read(flagHistory, flags.map((f) => f.id));
  const marked = flags.some((f) => f.status === 'confirmed');

  return (
    <div className="space-y-4" data-testid="operator-portfolio">
      <Card title={<span>{operator.name}{marked ? <OffenderMark /> : null}</span>} action={<span className="text-xs text-muted">{operator.uscc} · {operator.regionName}</span>}>
        <h3 className="mb-1 text-sm font-semibold text-ink">{t('portfolio.timeline')}</h3>
        <p className="mb-2 text-xs text-muted">{t('portfolio.legend')}</p>
        {subjects.length === 0 ? (
          <p className="text-sm text-muted">{t('portfolio.noSubjects')}</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="border-collapse text-xs" data-testid="portfolio-timeline">
              <caption className="sr-only">{t('portfolio.timeline')}</caption>
              <thead>
                <tr className="text-muted">
                  <th scope="col" className="sticky left-0 bg-white px-2 py-1 text-left font-medium">{t('portfolio.subjectCol')}</th>
                  {months.map((m) => (
                    <th key={m} scope="col" className="px-0.5 py-1 text-center font-normal tabular-nums">
                      <span className="block leading-3">{m.slice(2, 4)}</span>
                      <span className="block leading-3">{m.slice(5)}</span>
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1 text-right font-medium">{t('portfolio.total')}</th>
                </tr>
              </thead>
              <tbody>
                {subjects.map((s) => (
                  <tr key={s.id} className="border-t border-line/60">
                    <th scope="row" className="sticky left-0 max-w-[16rem] bg-white px-2 py-1 text-left font-normal">
                      <Link href={`/subjects/${s.id}`} className="block truncate font-medium text-ink hover:underline">{s.name}</Link>
                      <span className="text-muted">{tc(`subjectKind.${s.kind}` as 'subjectKind.app')} · {tc(`platform.${s.platform}` as 'platform.android')}</span>
                    </th>
                    {months.map((m) => {
                      const inMonth = s.cases.filter((c) => c.month === m);
                      const open = inMonth.some((c) => isOpenState(c.state));
                      return (
                        <td key={m} className="px-0.5 py-1 text-center">
                          {inMonth.length ? (
                            <Link
                              href={`/cases/${inMonth[0]!.id}`}
                              title={t('portfolio.monthCases', { month: m, count: inMonth.length })}
                              className={cn('inline-flex h-5 w-5 items-center justify-center rounded-sm font-semibold tabular-nums', open ? 'bg-accent text-white' : 'bg-brand-50 text-brand border border-[#c5d3e6]')}
                            >
                              {inMonth.length}
                              <span className="sr-only"> {t('portfolio.monthCases', { month: m, count: inMonth.length })}</span>
                            </Link>
                          ) : (
                            <span aria-hidden className="inline-block h-5 w-5 rounded-sm bg-canvas" />
                          )}
                        </td>
                      );
                    })}
                    <td className="px-2 py-1 text-right tabular-nums">
                      <Link href={`/cases?subject=${s.id}`} className="hover:underline" aria-label={t('portfolio.caseLink', { name: s.name })}>{s.cases.length}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t('portfolio.flags')}>
        {flags.length === 0 ? (
          <p className="text-sm text-muted">{t('portfolio.noFlags')}</p>
        ) : (
          <ul className="divide-y divide-line/60" data-testid="portfolio-flags">
            {flags.map((f) => {
              const events = history.filter((h) => h.flagId === f.id);
              return (
                <li key={f.id} className="grid gap-2 py-2 md:grid-cols-[1fr_18rem]">
                  <div className="text-sm">
                    <Link href={`/offenders/${f.id}`} className="font-medium text-brand-600 hover:underline">#{f.id}</Link>{' '}
                    <RuleBadge rule={f.rule} /> <FlagStatusBadge status={f.status} resolved={!!f.resolvedAt} />
                    <span className="block text-ink"><FlagSummary explanation={f.explanation} /></span>
                  </div>
                  <ReviewHistory events={events} />
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
