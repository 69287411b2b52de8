'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { updateUser } from '@/lib/admin/actions';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { STAFF_ROLES, type Role } from '@/lib/auth/permissions';

export function UserRowActions({ id, name, role, disabled, self }: { id: number; name: string; role: Role; disabled: boolean; self: boolean }) {
  const t = useTranslations();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (input: { role?: Role; disabled?: boolean }) =>
    start(async () => {
      const result = await updateUser({ ...input, id });
      setError(result.ok ? null : Object.values(result.fieldErrors)[0] ?? result.message);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${id}`}>{t('admin.roleOf', { name })}</label>
      <Select id={`role-${id}`} value={role} disabled={pending || self} onChange={(e) => run({ role: e.target.value as Role })} className="w-36 py-1 text-xs">
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>{t(`role.${r}`)}</option>
        ))}
      </Select>
      <Button type="button" variant={disabled ? 'secondary' : 'danger'} disabled={pending || self} onClick={() => run({ disabled: !disabled })} className="py-1">
        {disabled ? t('admin.enable') : t('admin.disable')}
        <span className="sr-only"> {name}</span>
      </Button>
      {error ? <p role="alert" className="text-xs text-accent">{error}</p> : null}
    </div>
  );
}
