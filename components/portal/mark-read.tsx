'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { readNotifications } from '@/lib/portal/actions';

export function MarkReadButton() {
  const t = useTranslations('portal.messages');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button type="button" disabled={pending} className="text-sm text-brand-600 underline" onClick={() => start(async () => { await readNotifications(); router.refresh(); })}>
      {t('markRead')}
    </button>
  );
}
