'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { decidePortalRequest, extendCase } from '@/lib/portal/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, inputClass } from '@/components/ui/field';

type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };

/** A staff portal form on the shared form hook: nothing typed is lost on a refusal; the page refreshes once done. */
function useStaffForm(send: (data: FormData) => Promise<Result>) {
  const router = useRouter();
  return useActionForm<Result>((data) => send(data), null, { resetOnSuccess: true, onSuccess: () => router.refresh() });
}

/** A supervisor's decision on a contact's request, with the reason the contact will read. */
export function DecisionForm({ actionId, kind }: { actionId: number; kind: 'extension' | 'objection' }) {
  const t = useTranslations('portal.staff');
  // The pressed button's value is the decision (the hook submits with its submitter).
  const { pending, errors, formMessage, form } = useStaffForm((data) => decidePortalRequest({ requestId: actionId, decision: data.get('decision') ?? '', reason: data.get('reason') }));
  const choices = kind === 'extension' ? (['grant', 'refuse'] as const) : (['uphold', 'withdraw'] as const);
  return (
    <form {...form} className="mt-2 space-y-2 rounded border border-line bg-canvas p-3" aria-label={t('decide')}>
      <Field id={`decision-reason-${actionId}`} label={t('decisionReason')} error={errors.reason}>
        <textarea id={`decision-reason-${actionId}`} name="reason" rows={2} className={inputClass} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? `decision-reason-${actionId}-error` : undefined} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {choices.map((c) => (
          <Button key={c} type="submit" name="decision" value={c} variant={c === 'grant' || c === 'uphold' ? 'primary' : 'secondary'} disabled={pending}>{t(c)}</Button>
        ))}
      </div>
      {errors.decision || formMessage ? <p role="alert" className="text-xs text-accent">{errors.decision ?? formMessage}</p> : null}
    </form>
  );
}

/** A supervisor extends the deadline directly (DESIGN §3). */
export function ExtendForm({ caseId }: { caseId: number }) {
  const t = useTranslations('portal');
  const { pending, errors, formMessage, form } = useStaffForm((data) => extendCase({ caseId, until: data.get('until'), reason: data.get('reason') }));
  return (
    <form {...form} className="space-y-2 border-t border-line pt-3" aria-label={t('staff.extend')}>
      <p className="text-sm font-semibold text-ink">{t('staff.extend')}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field id="extend-until" label={t('staff.extendUntil')} error={errors.until}>
          <Input id="extend-until" name="until" type="date" error={errors.until} />
        </Field>
        <Field id="extend-reason" label={t('case.reason')} error={errors.reason}>
          <Input id="extend-reason" name="reason" error={errors.reason} />
        </Field>
      </div>
      {formMessage ? <p role="alert" className="text-xs text-accent">{formMessage}</p> : null}
      <Button type="submit" variant="secondary" disabled={pending}>{t('staff.extendSubmit')}</Button>
    </form>
  );
}
