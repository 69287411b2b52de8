'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { updateOffenderRule } from '@/lib/admin/actions';
import type { FlagRule } from '@/lib/offenders/types';


/** One rule's threshold, window and switch, inline in the rules table. */
export function RuleForm({ rule, ruleKey, threshold, windowMonths, enabled }: { rule: string; ruleKey: FlagRule; threshold: number; windowMonths: number; enabled: boolean }) {
  const t = useTranslations('offenders.rules');
  const f = useActionForm(updateOffenderRule, null);
  const { state, pending, errors: err } = f;
  return (
    <form {...f.form} className="flex flex-wrap items-start gap-3" aria-label={rule}>
      <input type="hidden" name="rule" value={ruleKey} />
      <label className="text-xs text-muted">
        {t('threshold')}
        <input name="threshold" type="number" min={1} max={100} defaultValue={threshold} aria-invalid={err.threshold ? true : undefined} className={`${inputClass} w-24 py-1.5`} />
        {err.threshold ? <span role="alert" className="block text-accent">{err.threshold}</span> : null}
      </label>
      <label className="text-xs text-muted">
        {t('window')}
        <input name="windowMonths" type="number" min={1} max={120} defaultValue={windowMonths} aria-invalid={err.windowMonths ? true : undefined} className={`${inputClass} w-24 py-1.5`} />
        {err.windowMonths ? <span role="alert" className="block text-accent">{err.windowMonths}</span> : null}
      </label>
      <label className="mt-5 flex items-center gap-1.5 text-xs text-muted">
        <input name="enabled" type="checkbox" value="true" defaultChecked={enabled} className="h-4 w-4" />
        {t('enabled')}
      </label>
      <Button type="submit" disabled={pending} className="mt-4 py-1.5">{t('save')}</Button>
      {state?.ok ? <span role="status" className="mt-5 text-xs text-ok">{t('saved')}</span> : null}
      {f.formMessage ? <span role="alert" className="mt-5 text-xs text-accent">{f.formMessage}</span> : null}
    </form>
  );
}
