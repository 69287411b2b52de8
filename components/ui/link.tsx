import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The app's `<Link>`: `next/link` with prefetching off unless a link asks for it
 * (docs/decisions/0013-no-link-prefetch.md). Every Rectify page is rendered per request (a session, or a
 * public page whose prefetch bypasses the public HTML cache), and no route has a `loading.js`, so Next's
 * automatic prefetch fetched only the route tree and the layout shell: two requests to the server for
 * every link in view (24 on a staff page), each one through the proxy, the session check and the
 * layouts, and 40-60 % of the server's CPU per page view. The click still navigates in the client.
 * ESLint (eslint.config.mjs) keeps `next/link` itself out of the app.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
