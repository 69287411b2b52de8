import { NextResponse, type NextRequest } from 'next/server';
import { databaseStillUnavailable } from '@/db/health';
import { unavailablePage } from '@/lib/http/unavailable-page';
import { contentSecurityPolicy, HSTS, INLINE_EVIDENCE_CSP, isInlineEvidence, SECURITY_HEADERS } from '@/lib/security/headers';

/**
 * Every request but static assets: the security headers, HSTS when served over HTTPS, and for pages
 * a fresh CSP nonce (Next applies it to its scripts when it sees the policy on the request) and the
 * requested path for sign-in redirects. A page asked for while the database is away is answered here
 * with the 503 page (lib/http/unavailable-page.ts).
 */
export async function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  // While the database is known to be away (db/health.ts), a page is a 503 at once, not a failed render.
  if (!isApi && request.method === 'GET' && request.nextUrl.pathname !== '/unavailable' && (await databaseStillUnavailable())) {
    const page = unavailablePage(request, request.nextUrl.pathname + request.nextUrl.search);
    for (const [key, value] of Object.entries(SECURITY_HEADERS)) page.headers.set(key, value);
    return page;
  }
  let csp: string | undefined;
  if (!isApi) {
    const nonce = btoa(crypto.randomUUID());
    csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    requestHeaders.set('x-rectify-path', request.nextUrl.pathname + request.nextUrl.search);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(key, value);
  response.headers.set('Content-Security-Policy', csp ?? "default-src 'none'; frame-ancestors 'none'");
  if (isInlineEvidence(request)) {
    // The case page previews a PDF in a frame: only this site's own pages may frame it.
    response.headers.set('X-Frame-Options', 'SAMEORIGIN');
    response.headers.set('Content-Security-Policy', INLINE_EVIDENCE_CSP);
  }
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
