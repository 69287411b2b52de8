import { useTranslations } from 'next-intl';
import { DataTable, td } from '@/components/ui/data-table';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from '@/lib/imports/columns';

export const EXAMPLE_CSV_PATH = '/imports/example.csv';

/** What a file must look like: the columns, one finding per row, and an example that imports cleanly. */
export function FormatHelp() {
  const t = useTranslations('imports.format');
  return (
    <div className="space-y-3 text-sm">
      <p className="text-ink">{t('intro')}</p>
      <ul className="list-disc space-y-1 pl-5 text-muted">
        <li>{t('rowRule')}</li>
        <li>{t('matchRule')}</li>
        <li>{t('safeRule')}</li>
      </ul>
      <p>
        <a href={EXAMPLE_CSV_PATH} download="rectify-import-example.csv" className="font-medium text-brand-600 underline">{t('example')}</a>
      </p>
      <details className="rounded border border-line">
        <summary className="cursor-pointer px-3 py-2 font-medium text-ink">{t('columnsTitle', { n: IMPORT_COLUMNS.length })}</summary>
        <DataTable caption={t('columnsTitle', { n: IMPORT_COLUMNS.length })} className="rounded-none border-0 border-t" columns={[t('column'), t('meaning')]}>
          {IMPORT_COLUMNS.map((c) => (
            <tr key={c}>
              <td className={`${td} whitespace-nowrap`}>
                <code className="font-mono text-xs">{c}</code>
                {REQUIRED_COLUMNS.includes(c) ? <span className="ml-2 text-xs font-medium text-accent">{t('required')}</span> : null}
              </td>
              <td className={td}>{t(`columns.${c}`)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </div>
  );
}
