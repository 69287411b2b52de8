'use client';

import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { activateContact } from '@/lib/portal/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

type Result = { ok: true; email: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

export function ActivateForm({ token }: { token: string }) {
  const t = useTranslations('portal.activate');
  const { state, pending, errors, formMessage, form } = useActionForm<Result>(async (data) => {
    const password = String(data.get('password') ?? '');
    if (password !== String(data.get('confirm') ?? '')) return { ok: false, message: '', fieldErrors: { confirm: t('mismatch') } };
    const result = await activateContact({ token, password });
    if (result.ok) return { ok: true, email: result.data.email };
    const fieldErrors = { ...result.fieldErrors };
    if (fieldErrors.token) fieldErrors.token = result.status === 404 ? t('used') : t('expired');
    return { ok: false, message: result.message, fieldErrors };
  }, null);
  const done = state?.ok ? state.email : null;

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
    <form {...form} className="space-y-4">
      <p className="text-sm text-muted">{t('intro')}</p>
      <Field id="activate-password" label={t('password')} error={errors.password} hint={t('policy')}>
        <Input id="activate-password" name="password" type="password" autoComplete="new-password" required error={errors.password} />
      </Field>
      <Field id="activate-confirm" label={t('confirm')} error={errors.confirm}>
        <Input id="activate-confirm" name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} />
      </Field>
      {errors.token || formMessage ? <p role="alert" className="text-sm font-medium text-accent">{errors.token ?? formMessage}</p> : null}
      <Button type="submit" disabled={pending}>{t('submit')}</Button>
    </form>
  );
}
