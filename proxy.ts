import { NextResponse, type NextRequest } from 'next/server';
import { databaseStillUnavailable } from '@/db/health';
import { HttpError } from '@/lib/http/errors';
import { methodNotAllowedResponse } from '@/lib/http/methods';
import { crossSiteRefusal } from '@/lib/http/same-origin';
import { unavailablePage } from '@/lib/http/unavailable-page';
import { API_CSP, contentSecurityPolicy, HSTS, INLINE_EVIDENCE_CSP, isHttps, isInlineEvidence, SECURITY_HEADERS } from '@/lib/security/headers';

/**
 * Input no page or route can use, refused before Next decodes it (its decoding errors are 500s):
 * a path segment that is not percent-encoded UTF-8 or holds a NUL, a NUL in the query string, and a
 * server-action call from another site (a write with the session cookie).
 */
function refusal(request: NextRequest): HttpError | null {
  for (const segment of request.nextUrl.pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return new HttpError(400, 'invalid_path', `The path segment "${segment.slice(0, 100)}" is not valid percent-encoded UTF-8.`, { path: 'Not valid percent-encoded UTF-8.' });
    }
    if (decoded.includes('\u0000')) return new HttpError(400, 'invalid_path', 'The path contains a NUL character.', { path: 'Contains a NUL character (U+0000).' });
  }
  for (const [key, value] of request.nextUrl.searchParams) {
    if (key.includes('\u0000') || value.includes('\u0000')) {
      const name = key.replace(/\u0000/g, '\\0').slice(0, 100) || '_';
      return new HttpError(400, 'invalid_input', `The query parameter "${name}" contains a NUL character.`, { [name]: 'Contains a NUL character (U+0000).' });
    }
  }
  if (request.headers.has('next-action')) return crossSiteRefusal(request);
  return null;
}

/**
 * A form posted to a page without JavaScript (a server action's progressive enhancement) is a
 * multipart body Next decodes itself, answering 500 when it is malformed: such a body is checked
 * here first (page forms are small; the proxy holds at most 10 MB of a body anyway).
 */
async function malformedPageForm(request: NextRequest): Promise<HttpError | null> {
  if (request.method !== 'POST' || request.nextUrl.pathname.startsWith('/api/') || request.headers.has('next-action')) return null;
  if (!/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')) return null;
  const forged = crossSiteRefusal(request);
  if (forged) return forged;
  try {
    await request.formData();
    return null;
  } catch {
    return new HttpError(400, 'invalid_input', 'The form body is not valid multipart/form-data.', { _: 'Malformed multipart body.' });
  }
}

/**
 * Every request but static assets: the security headers, HSTS when served over HTTPS, and for pages
 * a fresh CSP nonce (Next applies it to its scripts when it sees the policy on the request) and the
 * requested path for sign-in redirects. A page asked for while the database is away is answered here
 * with the 503 page (lib/http/unavailable-page.ts).
 */
export async function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  const refused = refusal(request) ?? (await malformedPageForm(request));
  if (refused) {
    const response = isApi
      ? NextResponse.json(refused.toBody(), { status: refused.status })
      : new NextResponse(`${refused.status} ${refused.message}\n`, { status: refused.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    return withSecurityHeaders(request, response, undefined);
  }
  // A method the route file does not export: Next's own 405 has an empty body and no Allow.
  const wrongMethod = methodNotAllowedResponse(request.method, request.nextUrl.pathname);
  if (wrongMethod) return withSecurityHeaders(request, wrongMethod, undefined);
  const requestHeaders = new Headers(request.headers);
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
  return withSecurityHeaders(request, NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, csp: string | undefined): NextResponse {
  for (const [key, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(key, value);
  response.headers.set('Content-Security-Policy', csp ?? API_CSP);
  if (isInlineEvidence(request)) {
    // The case page previews a PDF in a frame: only this site's own pages may frame it.
    response.headers.set('X-Frame-Options', 'SAMEORIGIN');
    response.headers.set('Content-Security-Policy', INLINE_EVIDENCE_CSP);
  }
  if (isHttps(request.nextUrl, request.headers)) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

/**
 * Every path but static assets and the two upload routes: Next's proxy holds a request body in
 * memory and cuts it at 10 MB (experimental.proxyClientMaxBodySize raises the cut, not the holding),
 * so /api/v1/imports and /api/v1/evidence (exactly; not /api/v1/evidence/<sha256>) bypass it and set
 * their headers themselves (`unproxied`, lib/security/headers.ts). Next reads this literal statically.
 */
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/v1/imports$|api/v1/evidence$).*)'],
};
