import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { pickLabel, toLocale } from '@/lib/i18n/locales';
import type { FlagCase } from '@/lib/offenders/queries';
import { listCategories } from '@/lib/taxonomy/queries';

/** The cases behind a flag, as they are now; cases new since the last review are marked. */
export async function FlagCasesTable({ cases, fresh }: { cases: FlagCase[]; fresh: ReadonlySet<number> }) {
  const [t, tc, locale, categories] = await Promise.all([getTranslations('offenders'), getTranslations(), getLocale(), listCategories()]);
  const label = new Map(categories.map((c) => [c.code, pickLabel(c, toLocale(locale))]));
  return (
    <DataTable caption={t('detail.casesTitle')} testId="flag-cases" columns={[t('detail.caseId'), t('detail.subject'), { label: t('detail.inspectedOn'), hideOnPhone: true }, { label: t('detail.categories'), hideOnPhone: true }, { label: t('detail.severity'), hideOnPhone: true }, t('detail.state')]}>
        {cases.map((c) => (
          <tr key={c.id} className="align-top">
            <td className="px-3 py-2 tabular-nums">
              <Link href={`/cases/${c.id}`} className="font-medium text-brand-600 hover:underline">#{c.id}</Link>
              {fresh.has(c.id) ? <Badge tone="danger" className="ml-1.5">NEW</Badge> : null}
            </td>
            <td className="px-3 py-2">
              <Link href={`/subjects/${c.subjectId}`} className="hover:underline">{c.subjectName}</Link>
              <span className="block text-xs text-muted">{tc(`subjectKind.${c.kind}` as 'subjectKind.app')} · {tc(`platform.${c.platform}` as 'platform.android')}</span>
            </td>
            <td className="px-3 py-2 tabular-nums whitespace-nowrap">{c.inspectedOn}</td>
            <td className="px-3 py-2">{c.categories.map((k) => label.get(k) ?? k).join(locale === 'zh' ? '、' : '; ')}</td>
            <td className="px-3 py-2">{c.severity ? tc(`severity.${c.severity}` as 'severity.low') : ''}</td>
            <td className="px-3 py-2"><Badge tone={c.state === 'removed' ? 'danger' : c.state === 'verified' || c.state === 'reinstated' ? 'ok' : c.state === 'withdrawn' ? 'neutral' : 'brand'}>{tc(`caseState.${c.state}` as 'caseState.open')}</Badge></td>
          </tr>
        ))}
    </DataTable>
  );
}
