import { useTranslations } from 'next-intl';
import { DataTable, td } from '@/components/ui/data-table';
import { CREATED_ENTITIES, type ImportJob, type Rejection } from './types';

/** A finished job's report: what was (or, for a dry run, would be) created, already known and rejected. */
export function JobReport({ job, rejections }: { job: ImportJob; rejections: Rejection[] }) {
  const t = useTranslations('imports');
  const created = job.dryRun ? t('report.wouldCreate') : t('report.created');
  return (
    <div className="space-y-4">
      <p className="text-sm text-ink" data-testid="import-summary">
        {t(job.dryRun ? 'report.summaryDry' : 'report.summary', { total: job.totalRows, known: job.counts.known, rejected: job.counts.rejected })}
      </p>
      <DataTable
        caption={t('report.countsCaption')}
        className="max-w-md"
        columns={[t('report.entity'), { label: created, numeric: true }]}
      >
        {CREATED_ENTITIES.map((e) => (
          <tr key={e} data-testid={`created-${e}`}>
            <th scope="row" className={`${td} text-left font-normal`}>{t(`entity.${e}`)}</th>
            <td className={`${td} text-right tabular-nums`}>{job.counts.created[e] ?? 0}</td>
          </tr>
        ))}
        <tr data-testid="known-rows">
          <th scope="row" className={`${td} text-left font-normal`}>{t('report.known')}</th>
          <td className={`${td} text-right tabular-nums`}>{job.counts.known}</td>
        </tr>
        <tr data-testid="rejected-rows">
          <th scope="row" className={`${td} text-left font-normal`}>{t('report.rejected')}</th>
          <td className={`${td} text-right tabular-nums ${job.counts.rejected ? 'font-semibold text-accent' : ''}`}>{job.counts.rejected}</td>
        </tr>
      </DataTable>
      {job.counts.rejected > 0 ? <Rejections job={job} rejections={rejections} /> : null}
    </div>
  );
}

function Rejections({ job, rejections }: { job: ImportJob; rejections: Rejection[] }) {
  const t = useTranslations('imports');
  return (
    <section aria-labelledby={`rejections-${job.id}`} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h3 id={`rejections-${job.id}`} className="text-sm font-semibold text-ink">
          {t('report.rejectionsTitle', { shown: rejections.length, total: job.counts.rejected })}
        </h3>
        <a href={`/api/v1/imports/${job.id}/rejections`} download className="text-sm font-medium text-brand-600 underline">
          {t('report.download')}
        </a>
      </div>
      <DataTable
        caption={t('report.rejectionsCaption')}
        columns={[t('report.line'), t('report.column'), t('report.reason')]}
      >
        {rejections.map((r, i) => (
          <tr key={`${r.line}-${r.column}-${i}`}>
            <td className={`${td} tabular-nums`}>{r.line}</td>
            <td className={`${td} font-mono text-xs`}>{r.column || '—'}</td>
            <td className={td}>{r.reason}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
