import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

export interface AnnexDisplayRow {
  key: string | number;
  no: number;
  appName: string;
  operator: string;
  source: string;
  version: string;
  filingNumber: string | null;
  region: string;
  problems: string;
  deadline: string | null;
  /** Staff-only trailing cell (the composer's and the internal page's case states); never on public pages. */
  extra?: ReactNode;
}

/** The annex in the published column set. Used by the public page, the print layout and the composer's preview. */
export function AnnexTable({ rows, caption, extraHeader, hideCaption = false }: { rows: AnnexDisplayRow[]; caption: string; extraHeader?: string; hideCaption?: boolean }) {
  const t = useTranslations('notices.columns');
  const th = 'border border-line bg-canvas px-2 py-1.5 text-left font-semibold text-ink print:bg-[#eee]';
  const td = 'border border-line px-2 py-1.5 align-top';
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="annex-table stack-on-phone w-full border-collapse text-[13px] leading-snug">
        <caption className={hideCaption ? 'sr-only' : 'mb-2 text-left text-sm font-semibold text-ink'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${th} w-12 text-center`}>{t('no')}</th>
            <th scope="col" className={`${th} min-w-[6.5em]`}>{t('appName')}</th>
            <th scope="col" className={`${th} min-w-[9em]`}>{t('operator')}</th>
            <th scope="col" className={th}>{t('source')}</th>
            <th scope="col" className={`${th} whitespace-nowrap`}>{t('version')}</th>
            <th scope="col" className={th}>{t('filing')}</th>
            <th scope="col" className={`${th} min-w-[6em]`}>{t('region')}</th>
            <th scope="col" className={th}>{t('problems')}</th>
            <th scope="col" className={`${th} whitespace-nowrap`}>{t('deadline')}</th>
            {extraHeader ? <th scope="col" className={`${th} no-print`}>{extraHeader}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="break-inside-avoid">
              <td className={`${td} annex-no text-center tabular-nums`}>{r.no}</td>
              <th scope="row" className={`${td} text-left font-medium`} data-no={r.no}>{r.appName}</th>
              <td className={td} data-label={t('operator')}>{r.operator}</td>
              <td className={td} data-label={t('source')}>{r.source}</td>
              <td className={`${td} tabular-nums`} data-label={t('version')}>{r.version}</td>
              <td className={`${td} whitespace-nowrap`} data-label={t('filing')}>{r.filingNumber ?? '—'}</td>
              <td className={td} data-label={t('region')}>{r.region}</td>
              <td className={`${td} min-w-[12em]`} data-label={t('problems')}>{r.problems}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`} data-label={t('deadline')}>{r.deadline ?? '—'}</td>
              {extraHeader ? <td className={`${td} no-print`} data-label={extraHeader}>{r.extra}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A public entry in the reader's language. */
export function publicAnnexRows(
  entries: { no: number; appName: string; operator: string; source: { zh: string; en: string }; version: string; filingNumber: string | null; region: string; problems: { zh: string; en: string }; deadline: string | null }[],
  locale: 'zh' | 'en',
): AnnexDisplayRow[] {
  return entries.map((e) => ({ ...e, key: e.no, source: e.source[locale], problems: e.problems[locale] }));
}
