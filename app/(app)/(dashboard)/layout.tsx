import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The dashboard: its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="(app)/(dashboard)">{children}</ClientMessages>;
}
