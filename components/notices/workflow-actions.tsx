'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { approveNotice, publishNotice } from '@/lib/notices/actions';

/** Approve (four eyes) and publish buttons; the server decides, the refusal is shown as it comes. */
export function WorkflowActions({ id, canApprove, canPublish }: { id: number; canApprove: boolean; canPublish: boolean }) {
  const t = useTranslations('notices');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; fieldErrors: Record<string, string> } | null>(null);

  async function act(step: 'approve' | 'publish') {
    setBusy(true);
    setFailure(null);
    const res = await (step === 'approve' ? approveNotice : publishNotice)({ id });
    setBusy(false);
    if (!res.ok) return setFailure(res);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {canApprove ? <Button type="button" onClick={() => act('approve')} disabled={busy}>{busy ? t('working') : t('approve')}</Button> : null}
        {canPublish ? (
          <ConfirmDialog
            trigger={<Button type="button" variant="danger" disabled={busy}>{busy ? t('working') : t('publish')}</Button>}
            title={t('publishTitle')}
            description={t('confirmPublish')}
            confirmLabel={t('publish')}
            cancelLabel={t('cancel')}
            onConfirm={() => act('publish')}
          />
        ) : null}
      </div>
      {failure ? (
        <div role="alert" className="rounded border border-[#f0c4c4] bg-accent-50 px-3 py-2 text-sm text-accent">
          <p className="font-semibold">{failure.message}</p>
          {Object.keys(failure.fieldErrors).length ? <ul className="mt-1 list-disc pl-5">{Object.entries(failure.fieldErrors).map(([k, v]) => <li key={k}>{v}</li>)}</ul> : null}
        </div>
      ) : null}
    </div>
  );
}
