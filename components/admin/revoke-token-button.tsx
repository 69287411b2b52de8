'use client';

import { useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { revokeToken } from '@/lib/admin/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations('admin');
  const [pending, start] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="danger" className="py-1" disabled={pending}>
          {t('revoke')}
          <span className="sr-only"> {name}</span>
        </Button>
      }
      title={t('revokeTitle', { name })}
      description={t('revokeConfirm')}
      confirmLabel={t('revoke')}
      cancelLabel={t('cancel')}
      onConfirm={() => start(async () => void (await revokeToken({ id })))}
    />
  );
}
