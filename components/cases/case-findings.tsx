import { getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/lib/cases/detail';
import { Badge } from '@/components/ui/badge';
import { EvidenceFile } from './evidence-file';

const SEVERITY_TONE = { low: 'neutral', medium: 'warn', high: 'danger', critical: 'danger' } as const;
const th = 'px-2 py-2 text-left text-xs font-semibold text-muted';

/** The findings of the case's inspection, with category, severity, legal basis and evidence files. */
export async function CaseFindings({ detail, categories }: { detail: CaseDetail; categories: Map<string, { label: string; legalBasis: string }> }) {
  const t = await getTranslations();
  return (
    <div className="overflow-x-auto">
      <table className="stack-on-phone w-full text-sm">
        <caption className="sr-only">{t('caseDetail.findings')}</caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            <th scope="col" className={th}>{t('caseDetail.category')}</th>
            <th scope="col" className={th}>{t('caseDetail.severity')}</th>
            <th scope="col" className={th}>{t('caseDetail.description')}</th>
            <th scope="col" className={th}>{t('caseDetail.legalBasis')}</th>
            <th scope="col" className={th}>{t('caseDetail.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.findings.map((f) => {
            const cat = categories.get(f.category);
            return (
              <tr key={f.id} className="border-b border-line/70 align-top last:border-0">
                <td className="px-2 py-2 font-medium" data-label={t('caseDetail.category')}>{cat?.label ?? f.category}</td>
                <td className="px-2 py-2" data-label={t('caseDetail.severity')}>
                  <Badge tone={SEVERITY_TONE[f.severity]} className={f.severity === 'critical' ? 'font-bold' : undefined}>{t(`severity.${f.severity}`)}</Badge>
                </td>
                <td className="px-2 py-2" data-label={t('caseDetail.description')}>{f.description}</td>
                <td className="max-w-72 px-2 py-2 text-xs text-muted" data-label={t('caseDetail.legalBasis')}>{f.legalBasis || cat?.legalBasis || '—'}</td>
                <td className="min-w-64 px-2 py-2 text-xs" data-label={t('caseDetail.evidence')}>
                  {f.evidence.length ? (
                    <ul className="space-y-3">
                      {f.evidence.map((e) => (
                        <li key={e.sha256}>
                          <EvidenceFile file={e} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-muted">{t('caseDetail.noEvidence')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
