'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { reviewOffender } from '@/lib/offenders/actions';
import { ESCALATIONS } from '@/lib/offenders/types';


/** Confirm with an escalation or dismiss with a reason; errors are announced next to their field. */
export function ReviewForm({ flagId }: { flagId: number }) {
  const t = useTranslations('offenders');
  const f = useActionForm(reviewOffender, null);
  const { pending, errors: err } = f;
  // No decision is preselected: confirming a flag escalates a case, so it must be a choice.
  const [decision, setDecision] = useState<'confirm' | 'dismiss' | ''>('');
  return (
    <form {...f.form} className="space-y-3" aria-label={t('detail.reviewTitle')}>
      <input type="hidden" name="flagId" value={flagId} />
      <fieldset>
        <legend className="text-sm font-medium text-ink">{t('detail.decision')}</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(['confirm', 'dismiss'] as const).map((d) => (
            <label key={d} className="flex items-center gap-1.5">
              <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
              {t(`detail.${d}`)}
            </label>
          ))}
        </div>
        {err.decision ? <p id="decision-error" role="alert" className="text-xs font-medium text-accent">{err.decision}</p> : null}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="escalation" className="block text-sm font-medium text-ink">{t('detail.escalationLabel')}</label>
        <select
          id="escalation"
          name="escalation"
          disabled={decision === 'dismiss'}
          aria-invalid={err.escalation ? true : undefined}
          aria-describedby={err.escalation ? 'escalation-error' : undefined}
          className={inputClass}
          defaultValue=""
        >
          <option value="">{t('detail.choose')}</option>
          {ESCALATIONS.map((e) => <option key={e} value={e}>{t(`escalation.${e}`)}</option>)}
        </select>
        {err.escalation ? <p id="escalation-error" role="alert" className="text-xs font-medium text-accent">{err.escalation}</p> : null}
      </div>
      <div className="space-y-1">
        <label htmlFor="reason" className="block text-sm font-medium text-ink">{t('detail.reason')}</label>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          aria-invalid={err.reason ? true : undefined}
          aria-describedby={err.reason ? 'reason-error' : undefined}
          className={inputClass}
        />
        {err.reason ? <p id="reason-error" role="alert" className="text-xs font-medium text-accent">{err.reason}</p> : null}
      </div>
      {f.formMessage ? <p role="alert" className="text-sm font-medium text-accent">{f.formMessage}</p> : null}
      <Button type="submit" disabled={pending} variant={decision === 'confirm' ? 'danger' : 'secondary'}>
        {pending ? t('detail.saving') : t('detail.submit')}
      </Button>
    </form>
  );
}
