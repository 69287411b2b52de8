'use client';

import { useTranslations } from 'next-intl';
import { setDefaultDeadline } from '@/lib/admin/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

export function DeadlineSettingForm({ days }: { days: number }) {
  const t = useTranslations('settingsPage');
  const f = useActionForm(setDefaultDeadline, null);
  const { state, pending } = f;
  const error = f.errors.days ?? (f.formMessage || undefined);
  return (
    <form {...f.form} className="max-w-md space-y-3">
      <Field id="days" label={t('deadlineLabel')} hint={t('deadlineHint')} error={error}>
        <div className="w-32">
          <Input id="days" name="days" type="number" min={1} max={90} step={1} required defaultValue={days} error={error} />
        </div>
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{t('save')}</Button>
        <p aria-live="polite" className="text-sm font-medium text-ok">{state?.ok ? t('saved', { days: state.data.days }) : ''}</p>
      </div>
    </form>
  );
}
