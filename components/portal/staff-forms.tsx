'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { decideRequestAction, extendCaseAction } from '@/app/(app)/cases/portal-actions';
import { Button } from '@/components/ui/button';
import { Field, Input, inputClass } from '@/components/ui/field';

function useRun() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = (fn: () => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> }>) =>
    start(async () => {
      const r = await fn();
      if (r.ok) {
        setErrors({});
        router.refresh();
      } else setErrors(r.fieldErrors && Object.keys(r.fieldErrors).length ? r.fieldErrors : { _: r.message ?? '' });
    });
  return { pending, errors, run };
}

/** A supervisor's decision on a contact's request, with the reason the contact will read. */
export function DecisionForm({ actionId, kind }: { actionId: number; kind: 'extension' | 'objection' }) {
  const t = useTranslations('portal.staff');
  const { pending, errors, run } = useRun();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // Which button was pressed: its value is the decision.
    const decision = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? '';
    run(() => decideRequestAction(actionId, { decision, reason: data.get('reason') }));
  }
  const choices = kind === 'extension' ? (['grant', 'refuse'] as const) : (['uphold', 'withdraw'] as const);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2 rounded border border-line bg-canvas p-3" aria-label={t('decide')}>
      <Field id={`decision-reason-${actionId}`} label={t('decisionReason')} error={errors.reason}>
        <textarea id={`decision-reason-${actionId}`} name="reason" rows={2} className={inputClass} aria-invalid={errors.reason ? true : undefined} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {choices.map((c) => (
          <Button key={c} type="submit" name="decision" value={c} variant={c === 'grant' || c === 'uphold' ? 'primary' : 'secondary'} disabled={pending}>{t(c)}</Button>
        ))}
      </div>
      {errors.decision || errors._ ? <p role="alert" className="text-xs text-accent">{errors.decision ?? errors._}</p> : null}
    </form>
  );
}

/** A supervisor extends the deadline directly (DESIGN §3). */
export function ExtendForm({ caseId }: { caseId: number }) {
  const t = useTranslations('portal');
  const { pending, errors, run } = useRun();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(() => extendCaseAction(caseId, { until: data.get('until'), reason: data.get('reason') }));
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 border-t border-line pt-3" aria-label={t('staff.extend')}>
      <p className="text-sm font-semibold text-ink">{t('staff.extend')}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field id="extend-until" label={t('staff.extendUntil')} error={errors.until}>
          <Input id="extend-until" name="until" type="date" error={errors.until} />
        </Field>
        <Field id="extend-reason" label={t('case.reason')} error={errors.reason}>
          <Input id="extend-reason" name="reason" error={errors.reason} />
        </Field>
      </div>
      {errors._ ? <p role="alert" className="text-xs text-accent">{errors._}</p> : null}
      <Button type="submit" variant="secondary" disabled={pending}>{t('staff.extendSubmit')}</Button>
    </form>
  );
}
