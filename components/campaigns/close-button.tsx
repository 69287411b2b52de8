'use client';

import { useTranslations } from 'next-intl';
import { closeCampaign } from '@/lib/campaigns/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Closes the campaign after an in-app confirmation (closing is final). */
export function CloseCampaignButton({ code }: { code: string }) {
  const t = useTranslations('campaigns');
  const { state, pending, form } = useActionForm(closeCampaign, null);
  return (
    <form {...form} className="inline">
      <input type="hidden" name="ref" value={code} />
      <ConfirmDialog
        trigger={<Button type="button" variant="secondary" disabled={pending}>{pending ? t('closing') : t('close')}</Button>}
        title={t('close')}
        description={t('closeConfirm')}
        confirmLabel={t('close')}
        cancelLabel={t('cancel')}
        onConfirm={() => form.ref.current?.requestSubmit()}
      />
      {state && !state.ok ? <p role="alert" className="mt-1 text-xs text-accent">{state.message}</p> : null}
    </form>
  );
}
