'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { LiveCaseRow } from '@/lib/notices/annex';
import { groupBySubject } from '@/lib/notices/annex-group';
import { AnnexTable } from './annex-table';

export type CategoryOption = { code: string; zh: string; en: string };

/** The annex as it will be published, from the selected cases as they are now (one row per subject). */
export function ComposerPreview({ rows, categories, deadline }: { rows: LiveCaseRow[]; categories: CategoryOption[]; deadline: string | null }) {
  const t = useTranslations('notices');
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const label = new Map(categories.map((c) => [c.code, c[locale]]));
  const groups = groupBySubject(rows);
  return (
    <AnnexTable
      caption={t('annexPreview')}
      hideCaption
      rows={groups.map((g) => ({
        key: g.subjectId,
        no: g.no,
        appName: g.appName,
        operator: g.operatorName ?? '',
        source: (locale === 'en' ? g.cases[0]!.sourceEn : g.source) ?? '',
        version: g.versions.join('、'),
        filingNumber: g.filingNumber ?? '',
        region: g.region ?? '',
        problems: g.categories.map((c) => label.get(c) ?? c).join(locale === 'zh' ? '、' : '; '),
        deadline,
      }))}
    />
  );
}
