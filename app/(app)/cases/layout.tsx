import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The case list and a case: its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function CasesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="(app)/cases">{children}</ClientMessages>;
}
