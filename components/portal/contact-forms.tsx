'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { inviteContact, updateContact } from '@/lib/portal/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';


/** Invites a contact; the activation link is shown once, here, and nowhere else. */
export function InviteContactForm({ operatorId }: { operatorId: number }) {
  const t = useTranslations('portal.contacts');
  const { state, pending, errors, formMessage, form } = useActionForm((data: FormData) => inviteContact({ ...Object.fromEntries(data), operatorId }), null, { resetOnSuccess: true });
  const link = state?.ok ? new URL(state.data.activationPath, window.location.origin).toString() : null;

  return (
    <div className="space-y-3 border-t border-line pt-4">
      <h3 className="text-sm font-semibold text-ink">{t('invite')}</h3>
      <form {...form} className="grid gap-3 md:grid-cols-[1fr_1fr_auto] md:items-end">
        <Field id="contact-name" label={t('name')} error={errors.name}>
          <Input id="contact-name" name="name" autoComplete="off" error={errors.name} />
        </Field>
        <Field id="contact-email" label={t('email')} error={errors.email}>
          <Input id="contact-email" name="email" type="email" autoComplete="off" error={errors.email} />
        </Field>
        <Button type="submit" disabled={pending}>{t('inviteSubmit')}</Button>
      </form>
      {formMessage ? <p role="alert" className="text-sm text-accent">{formMessage}</p> : null}
      {link ? (
        <div role="status" className="rounded border border-[#ecd7a4] bg-[#fdf3dc] p-3 text-sm">
          <p className="font-semibold text-warn">{t('linkOnce')}</p>
          <code data-testid="activation-link" className="mt-2 block select-all break-all rounded bg-white px-3 py-2 font-mono text-ink">{link}</code>
        </div>
      ) : null}
    </div>
  );
}

/** Disables a contact at once (its sessions end) or enables it again. */
export function ContactRowActions({ operatorId, contactId, name, disabled }: { operatorId: number; contactId: number; name: string; disabled: boolean }) {
  const t = useTranslations('portal.contacts');
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant={disabled ? 'secondary' : 'danger'}
        disabled={pending}
        className="py-1"
        onClick={() =>
          start(async () => {
            const result = await updateContact({ operatorId, contactId, disabled: !disabled });
            setError(result.ok ? null : result.message);
          })
        }
      >
        {disabled ? t('enable') : t('disable')}
        <span className="sr-only"> {name}</span>
      </Button>
      {error ? <p role="alert" className="text-xs text-accent">{error}</p> : null}
    </div>
  );
}
