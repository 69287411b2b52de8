'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createToken } from '@/lib/admin/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { STAFF_ROLES } from '@/lib/auth/permissions';

export function CreateTokenForm() {
  const t = useTranslations();
  const [secret, setSecret] = useState<string | null>(null);
  const f = useActionForm(createToken, null, {
    resetOnSuccess: true,
    onSuccess: (result) => setSecret(result?.ok ? result.data.secret : null),
  });
  const { pending, errors } = f;

  return (
    <div className="space-y-4">
      <form {...f.form} className="grid gap-4 md:grid-cols-[2fr_1fr_auto] md:items-end">
        <Field id="token-name" label={t('admin.tokenName')} error={errors.name}>
          <Input id="token-name" name="name" placeholder={t('admin.tokenNameHint')} error={errors.name} />
        </Field>
        <Field id="token-role" label={t('admin.tokenRole')} error={errors.role}>
          <Select id="token-role" name="role" defaultValue="inspector" error={errors.role}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>{t(`role.${r}`)}</option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>{t('admin.createToken')}</Button>
      </form>
      {secret ? (
        <div role="status" className="rounded border border-[#ecd7a4] bg-[#fdf3dc] p-4 text-sm">
          <p className="font-semibold text-warn">{t('admin.secretOnce')}</p>
          <code data-testid="token-secret" className="mt-2 block select-all break-all rounded bg-white px-3 py-2 font-mono text-ink">{secret}</code>
        </div>
      ) : null}
    </div>
  );
}
