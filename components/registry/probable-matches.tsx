import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { LinkDecisionForm } from './link-decision-form';
import type { ProbableMatch } from '@/lib/subjects/matching';
import { Badge } from '@/components/ui/badge';
import { CaseStateBadge } from './case-state-badge';
import { DataTable } from '@/components/ui/data-table';

/** "Probably the same as": each candidate with its reasons, and link / dismiss for those who may write. */
export async function ProbableMatches({ subjectId, matches, canDecide }: { subjectId: number; matches: ProbableMatch[]; canDecide: boolean }) {
  const [t, tc] = await Promise.all([getTranslations('registry'), getTranslations()]);
  if (!matches.length) return <p className="text-sm text-muted">{t('subject.noMatches')}</p>;
  return (
    <DataTable caption={t('subject.matches')} columns={[t('subjects.name'), t('subject.reason'), t('subjects.state'), ...(canDecide ? [''] : [])]}>
      {matches.map((m) => (
        <tr key={m.subjectId} data-testid="probable-match">
          <td>
            <Link href={`/subjects/${m.subjectId}`} className="font-medium text-brand-600 hover:underline">{m.name}</Link>
            <div className="text-xs text-muted">{tc(`subjectKind.${m.kind}` as 'subjectKind.app')} · {tc(`platform.${m.platform}` as 'platform.android')} · {m.operatorName ?? '—'}</div>
          </td>
          <td>
            <ul className="space-y-0.5">
              {m.reasons.map((r, i) => (
                <li key={i}>
                  {r.kind === 'identifier'
                    ? t('subject.reasonIdentifier', { type: t(`identifierType.${r.type}`), value: r.value })
                    : t('subject.reasonName', { similarity: r.similarity.toFixed(2) })}
                </li>
              ))}
            </ul>
            {m.removedOn ? <Badge tone="danger" className="mt-1">{t('subject.removedOn', { date: m.removedOn })}</Badge> : null}
          </td>
          <td>{m.latestState ? <CaseStateBadge state={m.latestState} label={tc(`caseState.${m.latestState}` as 'caseState.open')} /> : '—'}</td>
          {canDecide ? (
            <td className="whitespace-nowrap">
              <LinkDecisionForm subjectId={subjectId} otherSubjectId={m.subjectId} />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
