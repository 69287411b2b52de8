'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { transitionCase } from '@/lib/cases/actions';
import { transitionForm, type ActionKey, type FormField } from '@/lib/cases/forms';
import type { CaseState } from '@/lib/cases/ladder';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';

interface Props {
  caseId: number;
  revision: number;
  state: CaseState;
  targets: CaseState[];
  defaultDeadline: string;
  defaultDays: number;
  stores: string[];
  /** Mini programs are banned from search (禁止搜索) rather than removed (下架). */
  mini: boolean;
}

const actionLabel = (action: ActionKey, mini: boolean) =>
  mini && action === 'remove' ? 'removeMini' : mini && action === 'reinstate' ? 'reinstateMini' : action;

/** One button per transition the user may make now; each opens the form asking exactly what it needs. */
export function TransitionPanel(props: Props) {
  const t = useTranslations('caseAction');
  const tAll = useTranslations();
  const [open, setOpen] = useState<CaseState | null>(null);
  const [saved, setSaved] = useState<CaseState | null>(null);
  return (
    <div className="space-y-3">
      <p aria-live="polite" className="text-sm font-medium text-ok empty:hidden">{saved ? t('done', { state: tAll(`caseState.${saved}`) }) : ''}</p>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t('actions')}>
        {props.targets.map((to) => {
          const form = transitionForm(props.state, to);
          return (
            <Button
              key={to}
              type="button"
              variant={open === to ? 'primary' : form.tone === 'danger' ? 'danger' : form.tone === 'primary' ? 'primary' : 'secondary'}
              aria-expanded={open === to}
              aria-controls={`transition-${to}`}
              onClick={() => {
                setSaved(null);
                setOpen(open === to ? null : to);
              }}
              className="py-1.5"
              data-action={form.action}
            >
              {t(actionLabel(form.action, props.mini))}
            </Button>
          );
        })}
      </div>
      {open && props.targets.includes(open) ? (
        <TransitionForm
          key={`${open}-${props.revision}`}
          {...props}
          to={open}
          onCancel={() => setOpen(null)}
          onSaved={(state) => {
            setOpen(null);
            setSaved(state);
          }}
        />
      ) : null}
    </div>
  );
}

function TransitionForm({ caseId, revision, state, to, defaultDeadline, defaultDays, stores, mini, onCancel, onSaved }: Props & { to: CaseState; onCancel: () => void; onSaved: (s: CaseState) => void }) {
  const t = useTranslations();
  const router = useRouter();
  const f = useActionForm(transitionCase, null, {
    onSuccess: (saved) => {
      if (!saved?.ok) return;
      onSaved(saved.data.state as CaseState);
      router.refresh();
    },
  });
  const { state: result, pending, errors } = f;
  const form = transitionForm(state, to);
  const stale = result && !result.ok && result.status === 409;

  const input = (f: FormField) => {
    const id = `tr-${to}-${f.name}`;
    const common = {
      id,
      name: f.name,
      required: f.required,
      'aria-invalid': errors[f.name] ? true : undefined,
      'aria-describedby': errors[f.name] ? `${id}-error` : undefined,
      className: inputClass,
    } as const;
    const label = (
      <>
        {t(`caseAction.${f.label}`)}
        {f.required ? <span aria-hidden className="text-accent"> *</span> : null}
      </>
    );
    const hint = f.name === 'deadline' ? t('caseAction.deadlineHint', { days: defaultDays }) : f.name === 'takedownStores' ? t('caseAction.storesHint') : undefined;
    return (
      <Field key={f.name} id={id} label={label} error={errors[f.name]} hint={hint}>
        {f.name === 'reason' ? (
          <textarea {...common} rows={3} maxLength={4000} />
        ) : f.name === 'deadline' ? (
          <input {...common} type="date" defaultValue={defaultDeadline} />
        ) : f.name === 'takedownStores' ? (
          <textarea {...common} rows={2} defaultValue={stores.join(', ')} />
        ) : (
          <input {...common} type="text" maxLength={100} autoComplete="off" />
        )}
      </Field>
    );
  };

  return (
    <form id={`transition-${to}`} {...f.form} className="space-y-3 rounded-md border border-line bg-canvas/60 p-4" aria-label={t(`caseAction.${actionLabel(form.action, mini)}`)}>
      <h3 className="text-sm font-semibold text-ink">
        {t(`caseAction.${actionLabel(form.action, mini)}`)}: {t(`caseState.${state}`)} → {t(`caseState.${to}`)}
      </h3>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedRevision" value={revision} />
      <input type="hidden" name="to" value={to} />
      <div className="grid gap-3 md:grid-cols-2">{form.fields.map(input)}</div>
      <div aria-live="polite">
        {stale ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">
            {t('caseAction.conflict')}
            <Button type="button" variant="secondary" className="py-1" onClick={() => window.location.reload()}>{t('caseAction.reload')}</Button>
          </div>
        ) : result && !result.ok && !Object.keys(errors).some((k) => form.fields.some((f) => f.name === k)) ? (
          <p role="alert" className="rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">{t('caseAction.failed', { message: result.message })}</p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} variant={form.tone === 'danger' ? 'danger' : 'primary'}>{pending ? t('caseAction.saving') : t('caseAction.submit')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('caseAction.cancel')}</Button>
      </div>
    </form>
  );
}
