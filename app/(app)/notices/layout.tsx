import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The notice pages (staff side): its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function NoticesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="(app)/notices">{children}</ClientMessages>;
}
