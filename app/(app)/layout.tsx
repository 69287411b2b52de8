import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requirePagePermission } from '@/lib/auth/page';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Every signed-in page sits in the shell; each page still checks its own permission. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requirePagePermission('dashboard:view');
  return (
    <ClientMessages route="(app)">
      <AppShell actor={actor}>{children}</AppShell>
    </ClientMessages>
  );
}
