import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The repeat-offender pages: its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function OffendersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="(app)/offenders">{children}</ClientMessages>;
}
