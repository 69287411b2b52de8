import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { CLIENT_MESSAGES, type ClientRoute } from './client-namespaces';

/**
 * The messages a route's client components read, and no others (lib/i18n/client-namespaces.ts):
 * rendered by the route's layout around everything it renders. A provider replaces its parent's
 * messages for what it wraps, it does not add to them.
 */
export async function ClientMessages({ route, children }: { route: ClientRoute; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(CLIENT_MESSAGES[route].map((n) => [n, messages[n]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
