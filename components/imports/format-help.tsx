import { useTranslations } from 'next-intl';
import { DataTable, td, th } from '@/components/ui/data-table';

/** The DESIGN §7 columns, in file order. */
export const IMPORT_COLUMNS = [
  'source', 'external_id', 'detected_at', 'inspection_ref', 'subject_kind', 'subject_name', 'platform', 'store',
  'version', 'package_name', 'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256', 'operator_name',
  'operator_uscc', 'region', 'sector', 'category', 'severity', 'description', 'evidence_sha256', 'evidence_url', 'campaign',
] as const;

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
        <DataTable caption={t('columnsTitle', { n: IMPORT_COLUMNS.length })} className="rounded-none border-0 border-t" head={<tr><th scope="col" className={th}>{t('column')}</th><th scope="col" className={th}>{t('meaning')}</th></tr>}>
          {IMPORT_COLUMNS.map((c) => (
            <tr key={c}>
              <td className={`${td} whitespace-nowrap font-mono text-xs`}>{c}</td>
              <td className={td}>{t(`columns.${c}`)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </div>
  );
}
