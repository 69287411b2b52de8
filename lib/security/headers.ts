/** Security headers every response carries (pages and API), set by proxy.ts (and `unproxied` below). */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The Content-Security-Policy of a page, with the per-request nonce Next puts on its own scripts. */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Charts and Next set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const HSTS = 'max-age=31536000; includeSubDomains';

/** An evidence file asked for in place (`/api/v1/evidence/<sha256>?disposition=inline`): framed by this site only. */
export function isInlineEvidence(request: { nextUrl: URL }): boolean {
  return /^\/api\/v1\/evidence\/[0-9a-f]{64}$/.test(request.nextUrl.pathname) && request.nextUrl.searchParams.get('disposition') === 'inline';
}

/** Nothing may load from the file itself (a PDF's scripts, an image's references); only our pages may frame it. */
export const INLINE_EVIDENCE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** The CSP of an API answer: it loads nothing and nothing frames it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Served over HTTPS, directly or behind a proxy that says so: then HSTS. */
export const isHttps = (url: URL, headers: Headers) => url.protocol === 'https:' || headers.get('x-forwarded-proto') === 'https';

/**
 * The upload routes (POST /api/v1/imports, POST /api/v1/evidence) are left out of proxy.ts's matcher:
 * Next's proxy holds a request body in memory and cuts it at 10 MB. Their answers get the same
 * headers here instead.
 */
export function unproxied<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    const res = await handler(...args);
    for (const [key, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(key, value);
    res.headers.set('Content-Security-Policy', API_CSP);
    if (isHttps(new URL(args[0].url), args[0].headers)) res.headers.set('Strict-Transport-Security', HSTS);
    return res;
  };
}
