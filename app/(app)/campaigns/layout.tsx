import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The campaign pages: its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="(app)/campaigns">{children}</ClientMessages>;
}
