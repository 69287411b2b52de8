'use client';

import { useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { revokeTokenAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations('admin');
  const [pending, start] = useTransition();
  return (
    <Button type="button" variant="danger" className="py-1" disabled={pending} onClick={() => start(async () => void (await revokeTokenAction(id)))}>
      {t('revoke')}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
