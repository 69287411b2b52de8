'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { saveOperatorAction } from '@/lib/registry/actions';
import type { ActionResult } from '@/lib/http/action';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

export function OperatorForm({ initial }: { initial: { id?: number; name: string; uscc: string; region: string; contact: string } }) {
  const t = useTranslations('registry');
  const [state, action, pending] = useActionState<ActionResult<number> | null, FormData>(saveOperatorAction, null);
  const e = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} noValidate className="space-y-4">
      {state && !state.ok ? <p role="alert" className="rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">{Object.keys(e).length ? t('common.fixErrors') : state.message}</p> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <Field id="name" label={t('operators.name')} error={e.name}>
        <Input id="name" name="name" defaultValue={initial.name} error={e.name} required />
      </Field>
      <Field id="uscc" label={t('operators.uscc')} error={e.uscc} hint={t('operators.usccHint')}>
        <Input id="uscc" name="uscc" defaultValue={initial.uscc} error={e.uscc} className="font-mono uppercase" maxLength={30} required autoComplete="off" />
      </Field>
      <Field id="region" label={t('operators.region')} error={e.region}>
        <Input id="region" name="region" defaultValue={initial.region} error={e.region} required />
      </Field>
      <Field id="contact" label={t('operators.contact')} error={e.contact}>
        <Input id="contact" name="contact" defaultValue={initial.contact} error={e.contact} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? t('common.saving') : t('common.save')}</Button>
        <Link href={initial.id ? `/operators/${initial.id}` : '/operators'} className="inline-flex items-center px-3 text-sm text-muted underline">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
