import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The operator list and an operator: its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function OperatorsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="(app)/operators">{children}</ClientMessages>;
}
