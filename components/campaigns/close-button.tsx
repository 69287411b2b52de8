'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { closeCampaignAction } from '@/lib/campaigns/actions';
import type { ActionResult } from '@/lib/http/action';
import { Button } from '@/components/ui/button';

/** Closes the campaign after a confirmation (closing is final). */
export function CloseCampaignButton({ code }: { code: string }) {
  const t = useTranslations('campaigns');
  const [state, action, pending] = useActionState<ActionResult<string> | null, FormData>(closeCampaignAction, null);
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(t('closeConfirm'))) e.preventDefault(); }} className="inline">
      <input type="hidden" name="ref" value={code} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? t('closing') : t('close')}</Button>
      {state && !state.ok ? <p role="alert" className="mt-1 text-xs text-accent">{state.message}</p> : null}
    </form>
  );
}
