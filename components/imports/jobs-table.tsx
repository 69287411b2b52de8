import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { DataTable, td } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/i18n/format';
import { CancelImport } from './cancel-import';
import { ImportStatusBadge } from './status-badge';
import { isActive, type ImportJob } from './types';

type Author = { user: string | null; token: string | null } | undefined;
/** A job with who started it: a user's name or an API token's. */
export type ImportJobRow = ImportJob & { by: Author };

/** Who started a job: the user, or the API token a machine used. */
export function JobAuthor({ by }: { by: Author }) {
  const t = useTranslations('imports.list');
  return <>{by?.user ?? (by?.token ? t('token', { name: by.token }) : t('unknownUser'))}</>;
}

/** Recent import jobs, newest first: status, file, counts, who and when. */
export function JobsTable({ jobs }: { jobs: ImportJobRow[] }) {
  const t = useTranslations('imports');
  const num = 'text-right tabular-nums';
  return (
    <DataTable
      caption={t('recent')}
      className="rounded-none border-0"
      columns={[t('list.status'), t('list.file'), { label: t('list.rows'), numeric: true }, { label: t('list.created'), numeric: true }, { label: t('list.known'), numeric: true }, { label: t('list.rejected'), numeric: true }, t('list.who'), t('list.when')]}
    >
      {jobs.length === 0 ? (
        <tr><td colSpan={8} className={`${td} py-8 text-center text-muted`}>{t('noJobs')}</td></tr>
      ) : (
        jobs.map((job) => (
          <tr key={job.id} data-testid={`import-row-${job.id}`}>
            <td className={td}>
              <span className="inline-flex flex-wrap items-center gap-2">
                <ImportStatusBadge status={job.status} dryRun={job.dryRun} />
                {isActive(job) ? <CancelImport id={job.id} filename={job.filename || `#${job.id}`} /> : null}
              </span>
            </td>
            <td className={td}>
              <Link href={`/imports/${job.id}`} className="font-medium text-brand-600 hover:underline">{job.filename || `#${job.id}`}</Link>
              <span className="ml-2 text-xs uppercase text-muted">{job.format}</span>
            </td>
            <td className={`${td} ${num}`}>{job.totalRows}</td>
            <td className={`${td} ${num}`}>{job.counts.created?.findings ?? 0}</td>
            <td className={`${td} ${num}`}>{job.counts.known ?? 0}</td>
            <td className={`${td} ${num} ${job.counts.rejected ? 'font-semibold text-accent' : ''}`}>{job.counts.rejected ?? 0}</td>
            <td className={td}><JobAuthor by={job.by} /></td>
            <td className={`${td} whitespace-nowrap tabular-nums text-muted`}>{formatDateTime(job.startedAt ?? job.createdAt)}</td>
          </tr>
        ))
      )}
    </DataTable>
  );
}
