import { formatDateTime } from '@/lib/i18n/format';
import { getTranslations } from 'next-intl/server';
import { RuleBadge } from '@/components/offenders/badges';
import { RuleForm } from '@/components/offenders/rule-form';
import { requirePagePermission } from '@/lib/auth/page';
import { listRules } from '@/lib/offenders/rules-admin';
import { read } from '@/lib/server/read';

/** Thresholds of the repeat-offender rules (admin:rules); saving is audited and recomputes every flag. */
export default async function RulesPage() {
  await requirePagePermission('admin:rules');
  const [t, rules] = await Promise.all([getTranslations('offenders'), read(listRules)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{t('rules.title')}</h1>
        <p className="mt-1 text-sm text-muted">{t('rules.subtitle')}</p>
      </div>
      <div className="overflow-x-auto rounded-md border border-line bg-white shadow-sm">
        <table className="w-full text-sm">
          <caption className="sr-only">{t('rules.title')}</caption>
          <thead className="bg-canvas text-left text-xs text-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t('rule')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('rules.description')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('rules.threshold')} / {t('rules.window')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('rules.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.rule} className="border-t border-line/70 align-top">
                <td className="px-3 py-3"><RuleBadge rule={r.rule} /></td>
                <td className="max-w-sm px-3 py-3 text-ink">{t(`ruleText.${r.rule}`, { threshold: r.threshold, window: r.windowMonths })}</td>
                <td className="px-3 py-3">
                  <RuleForm rule={t(`ruleName.${r.rule}`)} threshold={r.threshold} windowMonths={r.windowMonths} enabled={r.enabled} ruleKey={r.rule} />
                </td>
                <td className="px-3 py-3 whitespace-nowrap text-muted">{formatDateTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
