'use client';

import { useState, useTransition, type FormEvent } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { activateContactAction } from '@/app/portal/actions';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

export function ActivateForm({ token }: { token: string }) {
  const t = useTranslations('portal.activate');
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    if (password !== String(data.get('confirm') ?? '')) {
      setErrors({ confirm: t('mismatch') });
      return;
    }
    start(async () => {
      const result = await activateContactAction({ token, password });
      if (result.ok) {
        setErrors({});
        setDone(result.data.email);
      } else {
        const fields = { ...result.fieldErrors };
        if (fields.token) fields.token = result.status === 404 ? t('used') : t('expired');
        setErrors(Object.keys(fields).length ? fields : { _: result.message });
      }
    });
  }

  if (done) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p className="font-semibold text-ink">{t('done')}</p>
        <p className="text-muted">{t('signInAs', { email: done })}</p>
        <Link href="/signin?callbackUrl=%2Fportal" className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white">{t('signIn')}</Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-muted">{t('intro')}</p>
      <Field id="activate-password" label={t('password')} error={errors.password} hint={t('policy')}>
        <Input id="activate-password" name="password" type="password" autoComplete="new-password" required error={errors.password} />
      </Field>
      <Field id="activate-confirm" label={t('confirm')} error={errors.confirm}>
        <Input id="activate-confirm" name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} />
      </Field>
      {errors.token || errors._ ? <p role="alert" className="text-sm font-medium text-accent">{errors.token ?? errors._}</p> : null}
      <Button type="submit" disabled={pending}>{t('submit')}</Button>
    </form>
  );
}
