import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The subject list and a subject: its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function SubjectsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="(app)/subjects">{children}</ClientMessages>;
}
