'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { isActive, type ImportJob } from './types';

/** How often a job asked to stop is looked at until it has (its runner stops at its next chunk). */
const STOP_POLL_MS = 500;

/**
 * Cancels a queued or running import after a confirmation: POST /api/v1/imports/{id}/cancel. A queued
 * job is cancelled at once; a running one stops before it commits anything, so the button waits for
 * the job to end, then shows the page again (the list, or the job's own view through its query).
 */
export function CancelImport({ id, filename }: { id: number; filename: string }) {
  const t = useTranslations('imports.cancel');
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const cancel = () =>
    start(async () => {
      setError(null);
      try {
        const res = await fetch(`/api/v1/imports/${id}/cancel`, { method: 'POST', headers: { accept: 'application/json' } });
        const body = (await res.json().catch(() => null)) as { job?: ImportJob; error?: { message?: string } } | null;
        if (!res.ok) {
          setError(t('failed', { error: body?.error?.message ?? `HTTP ${res.status}` }));
        } else {
          for (let job = body?.job; job && isActive(job); ) {
            await new Promise((r) => setTimeout(r, STOP_POLL_MS));
            const again = await fetch(`/api/v1/imports/${id}`, { headers: { accept: 'application/json' } });
            if (!again.ok) break;
            job = ((await again.json()) as { job: ImportJob }).job;
          }
        }
      } catch {
        setError(t('failed', { error: t('network') }));
      }
      await queryClient.invalidateQueries({ queryKey: ['imports', id] });
      router.refresh();
    });

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <ConfirmDialog
        trigger={
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" disabled={pending} data-testid={`cancel-import-${id}`}>
            {pending ? t('stopping') : t('button')}
            <span className="sr-only"> {filename}</span>
          </Button>
        }
        title={t('title', { name: filename })}
        description={t('description')}
        confirmLabel={t('confirm')}
        cancelLabel={t('keep')}
        onConfirm={cancel}
      />
      {error ? <span role="alert" className="text-xs text-accent">{error}</span> : null}
    </span>
  );
}
