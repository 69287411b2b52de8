'use client';

import { useTranslations } from 'next-intl';
import { setOfficeNames } from '@/lib/admin/actions';
import type { OfficeName } from '@/lib/settings';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

/** The office's name in both languages: the header of every order and case file it prints. */
export function OfficeNameForm({ name }: { name: OfficeName }) {
  const t = useTranslations('documents.settings');
  const f = useActionForm(setOfficeNames, null);
  const { state, pending } = f;
  const err = (k: 'nameZh' | 'nameEn') => f.errors[k];
  return (
    <form {...f.form} className="max-w-xl space-y-3">
      <Field id="office-zh" label={t('nameZh')} error={err('nameZh')}>
        <Input id="office-zh" name="nameZh" required maxLength={60} defaultValue={name.nameZh} error={err('nameZh')} />
      </Field>
      <Field id="office-en" label={t('nameEn')} hint={t('hint')} error={err('nameEn')}>
        <Input id="office-en" name="nameEn" required maxLength={120} defaultValue={name.nameEn} error={err('nameEn')} />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{t('save')}</Button>
        <p aria-live="polite" className="text-sm font-medium text-ok">{state?.ok ? t('saved') : f.refused && !err('nameZh') && !err('nameEn') ? (f.state && !f.state.ok ? f.state.message : '') : ''}</p>
      </div>
    </form>
  );
}
