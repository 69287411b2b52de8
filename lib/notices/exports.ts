/** The downloads of published notices: CSV of one annex, and the Atom feed. Both take PublicNotice only. */
import { toCsv } from '@/lib/csv';
import { csvText, type ExportColumn } from '@/lib/exports/columns';
import { xlsxWorkbook } from '@/lib/exports/xlsx';
import type { Locale } from '@/lib/i18n/locales';
import { DEFAULT_OFFICE_NAME } from '@/lib/settings';
import { xmlEscape } from '@/lib/xml';
import type { PublicNotice, PublicNoticeEntry } from './public';

const HEADERS: Record<Locale, string[]> = {
  zh: ['序号', '应用名称', '开发者/运营者', '应用来源', '应用版本', '备案号', '所属地区', '所涉问题', '整改时限'],
  en: ['No.', 'App name', 'Developer / operator', 'Source (store or platform)', 'Version', 'Filing number', 'Region', 'Problems found', 'Deadline'],
};

/** The annex's columns, as the regulator publishes them (DESIGN §5), in one language. */
function annexColumns(locale: Locale): ExportColumn<PublicNoticeEntry>[] {
  const [no, app, operator, source, version, filing, region, problems, deadline] = HEADERS[locale];
  return [
    { header: no!, type: 'number', width: 6, value: (e) => e.no },
    { header: app!, type: 'text', width: 24, value: (e) => e.appName },
    { header: operator!, type: 'text', width: 28, value: (e) => e.operator },
    { header: source!, type: 'text', width: 16, value: (e) => e.source[locale] },
    { header: version!, type: 'text', width: 12, value: (e) => e.version },
    { header: filing!, type: 'text', width: 22, value: (e) => e.filingNumber ?? '—' },
    { header: region!, type: 'text', width: 14, value: (e) => e.region },
    { header: problems!, type: 'text', width: 40, value: (e) => e.problems[locale] },
    { header: deadline!, type: 'date', width: 12, value: (e) => e.deadline },
  ];
}

export function noticeCsv(notice: PublicNotice, locale: Locale): string {
  const columns = annexColumns(locale);
  return toCsv([columns.map((c) => c.header), ...(notice.entries ?? []).map((e) => columns.map((c) => csvText(c.type, c.value(e))))]);
}

/** The annex as a one-sheet XLSX: versions and filing numbers stay text. */
export function noticeXlsx(notice: PublicNotice, locale: Locale): Promise<Uint8Array> {
  return xlsxWorkbook([{ name: notice.label[locale], columns: annexColumns(locale), rows: notice.entries ?? [] }]);
}

export function csvFileName(notice: PublicNotice, ext: 'csv' | 'xlsx' = 'csv'): string {
  return `notice-${notice.slug}.${ext}`;
}

const FEED_TITLE: Record<Locale, string> = { zh: '侵害用户权益App（小程序）通报', en: 'Notices on apps and mini programs infringing users’ rights' };
const OFFICE: Record<Locale, string> = { zh: DEFAULT_OFFICE_NAME.nameZh, en: DEFAULT_OFFICE_NAME.nameEn };

/** Atom 1.0 (RFC 4287): one entry per published notice, newest first; every text escaped. */
export function noticesAtomFeed(list: readonly PublicNotice[], baseUrl: string, locale: Locale): string {
  const base = baseUrl.replace(/\/$/, '');
  const updated = list.reduce((max, n) => (n.publishedAt > max ? n.publishedAt : max), '1970-01-01T00:00:00.000Z');
  const entries = list.map((n) => {
    const url = `${base}/notices/${encodeURIComponent(n.slug)}`;
    const summary = locale === 'zh' ? `${n.label.zh}：${n.intro.zh}` : `${n.label.en}. ${n.intro.en}`;
    return [
      '  <entry>',
      `    <id>${xmlEscape(url)}</id>`,
      `    <title>${xmlEscape(n.title[locale])}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <published>${n.publishedAt}</published>`,
      `    <updated>${n.publishedAt}</updated>`,
      `    <category term="${n.kind}"/>`,
      `    <summary type="text">${xmlEscape(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`,
    `  <id>${xmlEscape(`${base}/notices`)}</id>`,
    `  <title>${xmlEscape(FEED_TITLE[locale])}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlEscape(OFFICE[locale])}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${base}/notices/feed.xml${locale === 'en' ? '?lang=en' : ''}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}/notices`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
