'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { CancelImport } from './cancel-import';
import { ProgressBar } from './progress-bar';
import { JobReport } from './job-report';
import { ImportStatusBadge } from './status-badge';
import { isActive, type ImportJobDetail, type ImportJob } from './types';
import { useImportJob } from './use-import-job';

/**
 * One job as it runs: its phase and progress bar while queued or running (polled), then the report,
 * or why it failed. `onSettled` hears the finished job once.
 */
export function JobLive({ id, initial, onSettled }: { id: number; initial?: ImportJobDetail; onSettled?: (job: ImportJob) => void }) {
  const t = useTranslations('imports');
  const { data, error } = useImportJob(id, initial);
  const job = data?.job;
  const settled = job && !isActive(job) ? job : null;
  const told = useRef<string | null>(null);
  useEffect(() => {
    const key = settled ? `${settled.id}:${settled.status}` : null;
    if (settled && key !== told.current) {
      told.current = key;
      onSettled?.(settled);
    }
  }, [settled, onSettled]);

  if (!job) return error ? <p role="alert" className="text-sm text-accent">{t('pollFailed')}</p> : null;
  return (
    <div className="space-y-4" data-testid="import-job" data-status={job.status} data-phase={job.phase}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <ImportStatusBadge status={job.status} dryRun={job.dryRun} />
        <span className="font-medium text-ink">{job.filename}</span>
        <span className="text-muted">#{job.id}</span>
        {isActive(job) ? <CancelImport id={job.id} filename={job.filename || `#${job.id}`} /> : null}
      </div>
      {isActive(job) ? (
        <ProgressBar
          testId="job-progress"
          label={t(`phase.${job.phase}`)}
          // Applying is one transaction with no steps to count: the bar is indeterminate then.
          value={job.phase === 'applying' ? null : job.phase === 'queued' ? 0 : job.progress}
          detail={job.phase === 'applying' ? t('rowsValidated', { total: job.totalRows }) : t('rowsSoFar', { processed: job.processedRows, total: job.totalRows })}
        />
      ) : null}
      {error ? <p role="alert" className="text-sm text-accent">{t('pollFailed')}</p> : null}
      {job.status === 'failed' ? (
        <p role="alert" className="rounded border border-[#f0c4c4] bg-accent-50 px-3 py-2 text-sm text-accent">
          {t('failed', { error: job.error ?? '—' })}
        </p>
      ) : null}
      {job.status === 'cancelled' ? (
        <p role="status" className="rounded border border-line bg-canvas px-3 py-2 text-sm text-ink" data-testid="import-cancelled">{t('cancel.done')}</p>
      ) : null}
      {job.status === 'succeeded' ? <JobReport job={job} rejections={data.rejections} /> : null}
    </div>
  );
}
