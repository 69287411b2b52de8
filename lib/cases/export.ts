import type { Queryable } from '@/db/client';
import { csvStream } from '@/lib/csv';
import { csvText, type ExportColumn } from '@/lib/exports/columns';
import { officeZoneName, translatorFor } from '@/lib/exports/reader';
import { xlsxStream } from '@/lib/exports/xlsx';
import { pickLabel, type Locale } from '@/lib/i18n/locales';
import type en from '@/messages/en';
import { iterateCases, type CaseListItem } from './list';
import type { CaseListFilters, CaseSort } from './filters';

/** Bilingual labels of the taxonomy values a case row names by code. */
export interface CaseExportLabels {
  sectors: Map<string, { labelZh: string; labelEn: string }>;
  categories: Map<string, { labelZh: string; labelEn: string }>;
  campaigns: Map<string, { labelZh: string; labelEn: string }>;
}

/** The columns of the case list's exports, headers and values in the reader's language. */
export function caseExportColumns(locale: Locale, labels: CaseExportLabels): ExportColumn<CaseListItem>[] {
  const t = translatorFor(locale);
  const h = (key: keyof (typeof en)['exports']['cases']) => t(`exports.cases.${key}`, { zone: officeZoneName(locale) });
  const label = (map: Map<string, { labelZh: string; labelEn: string }>, code: string | null) => (code === null ? null : map.has(code) ? pickLabel(map.get(code)!, locale) : code);
  const yesNo = (v: boolean) => t(v ? 'exports.yes' : 'exports.no');
  return [
    { header: h('caseId'), type: 'number', width: 10, value: (c) => c.id },
    { header: h('state'), type: 'text', width: 14, value: (c) => t(`caseState.${c.state}`) },
    { header: h('overdue'), type: 'text', width: 8, value: (c) => yesNo(c.overdue) },
    { header: h('deadline'), type: 'date', width: 12, value: (c) => c.deadline },
    { header: h('openedAt'), type: 'datetime', width: 20, value: (c) => c.openedAt },
    { header: h('subjectId'), type: 'number', width: 10, value: (c) => c.subjectId },
    { header: h('subjectName'), type: 'text', width: 28, value: (c) => c.subjectName },
    { header: h('subjectKind'), type: 'text', width: 10, value: (c) => t(`subjectKind.${c.subjectKind}`) },
    { header: h('platform'), type: 'text', width: 10, value: (c) => t(`platform.${c.platform}`) },
    { header: h('sector'), type: 'text', width: 16, value: (c) => label(labels.sectors, c.sector) },
    { header: h('operatorId'), type: 'number', width: 10, value: (c) => c.operatorId },
    { header: h('operatorName'), type: 'text', width: 28, value: (c) => c.operatorName },
    { header: h('campaign'), type: 'text', width: 20, value: (c) => label(labels.campaigns, c.campaignCode) },
    { header: h('categories'), type: 'text', width: 36, value: (c) => c.categories.map((code) => label(labels.categories, code)).join(locale === 'zh' ? '；' : '; ') },
    { header: h('foundVersion'), type: 'text', width: 12, value: (c) => c.foundVersion },
    { header: h('revision'), type: 'number', width: 8, value: (c) => c.revision },
    { header: h('previousCaseId'), type: 'number', width: 10, value: (c) => c.previousCaseId },
    { header: h('repeatOffender'), type: 'text', width: 8, value: (c) => yesNo(c.repeatOffender) },
    { header: h('assignee'), type: 'text', width: 14, value: (c) => c.assigneeName },
  ];
}

type ExportFilters = CaseListFilters & { sort: CaseSort };

async function* csvRows(db: Queryable, filters: ExportFilters, columns: ExportColumn<CaseListItem>[]) {
  for await (const c of iterateCases(db, filters)) yield columns.map((col) => csvText(col.type, col.value(c)));
}

/** The CSV export of a filter set, streamed (every matching case, whatever the page size). */
export function casesCsv(db: Queryable, filters: ExportFilters, columns: ExportColumn<CaseListItem>[]): ReadableStream<Uint8Array> {
  return csvStream(columns.map((c) => c.header), csvRows(db, filters, columns));
}

/** The XLSX export of a filter set, streamed row by row. */
export function casesXlsx(db: Queryable, filters: ExportFilters, columns: ExportColumn<CaseListItem>[], locale: Locale): ReadableStream<Uint8Array> {
  return xlsxStream(translatorFor(locale)('exports.cases.sheet'), columns, iterateCases(db, filters));
}
