/**
 * How a notice names itself and its sources. Store and host-platform labels come from the one table
 * of them in lib/taxonomy/stores.ts; the snapshot keeps the Chinese label, English pages translate back.
 */
import { HOST_PLATFORM_LABELS, STORE_LABELS } from '@/lib/taxonomy/stores';
import type { Locale } from '@/lib/i18n/locales';

export const LIST_SEPARATOR_ZH = '、';

export interface NoticeNumber {
  year: number | null;
  batchInYear: number | null;
  batchOverall: number | null;
}

/** "{year} batch {n}, overall batch {total}" in the reader's language; null before publication. */
export function noticeNumberLabel(n: NoticeNumber, locale: Locale): string | null {
  if (n.year === null || n.batchInYear === null || n.batchOverall === null) return null;
  return locale === 'zh'
    ? `${n.year}年第${n.batchInYear}批（总第${n.batchOverall}批）`
    : `${n.year} batch ${n.batchInYear}, overall batch ${n.batchOverall}`;
}

/** The source column of a subject: its host platform for a mini program, else its stores. */
export function sourceLabel(kind: string, platform: string, stores: readonly string[], locale: Locale): string | null {
  if (kind === 'mini_program') return HOST_PLATFORM_LABELS[platform]?.[locale] ?? platform;
  if (!stores.length) return null;
  return stores.map((s) => STORE_LABELS[s]?.[locale] ?? s).join(locale === 'zh' ? LIST_SEPARATOR_ZH : '; ');
}

const ZH_TO_EN = new Map(
  [...Object.values(STORE_LABELS), ...Object.values(HOST_PLATFORM_LABELS)].map((l) => [l.zh, l.en] as const),
);

/** A snapshotted (Chinese) source cell in the reader's language; unknown parts stay as published. */
export function localizeSource(source: string | null, locale: Locale): string | null {
  if (!source || locale === 'zh') return source;
  return source
    .split(LIST_SEPARATOR_ZH)
    .map((part) => ZH_TO_EN.get(part) ?? part)
    .join('; ');
}
