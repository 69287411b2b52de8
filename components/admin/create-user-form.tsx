'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { createUserAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { STAFF_ROLES } from '@/lib/auth/permissions';

export function CreateUserForm() {
  const t = useTranslations();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    start(async () => {
      const result = await createUserAction(data);
      if (result.ok) {
        form.reset();
        setErrors({});
        setMessage({ ok: true, text: t('admin.userCreated', { email: result.data.email }) });
      } else {
        setErrors(result.fieldErrors);
        setMessage({ ok: false, text: result.message });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <Field id="new-user-name" label={t('admin.name')} error={errors.name}>
        <Input id="new-user-name" name="name" required error={errors.name} />
      </Field>
      <Field id="new-user-email" label={t('admin.email')} error={errors.email}>
        <Input id="new-user-email" name="email" type="email" required error={errors.email} />
      </Field>
      <Field id="new-user-role" label={t('admin.role')} error={errors.role}>
        <Select id="new-user-role" name="role" defaultValue="inspector" error={errors.role}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>{t(`role.${r}`)}</option>
          ))}
        </Select>
      </Field>
      <Field id="new-user-password" label={t('admin.initialPassword')} error={errors.password} hint={t('validation.passwordPolicy')}>
        <Input id="new-user-password" name="password" type="password" autoComplete="new-password" required error={errors.password} />
      </Field>
      <div className="flex items-center gap-4 md:col-span-2">
        <Button type="submit" disabled={pending}>{t('admin.createUser')}</Button>
        {message ? (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-sm text-ok' : 'text-sm text-accent'}>{message.text}</p>
        ) : null}
      </div>
    </form>
  );
}
