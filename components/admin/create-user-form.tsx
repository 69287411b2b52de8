'use client';

import { useTranslations } from 'next-intl';
import { createUser } from '@/lib/admin/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { STAFF_ROLES } from '@/lib/auth/permissions';

export function CreateUserForm() {
  const t = useTranslations();
  const f = useActionForm(createUser, null, { resetOnSuccess: true });
  const { state, pending, errors } = f;
  const message = !state ? null : state.ok ? { ok: true, text: t('admin.userCreated', { email: state.data.email }) } : { ok: false, text: state.message };

  return (
    <form {...f.form} className="grid gap-4 md:grid-cols-2">
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
