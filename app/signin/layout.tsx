import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The sign-in page: its client components get only the messages they read (lib/i18n/client-namespaces.ts). */
export default function SignInLayout({ children }: { children: ReactNode }) {
  return <ClientMessages route="signin">{children}</ClientMessages>;
}
