'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { markReadAction } from '@/app/portal/actions';

export function MarkReadButton() {
  const t = useTranslations('portal.messages');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button type="button" disabled={pending} className="text-sm text-brand-600 underline" onClick={() => start(async () => { await markReadAction(); router.refresh(); })}>
      {t('markRead')}
    </button>
  );
}
