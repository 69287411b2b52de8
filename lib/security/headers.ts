/** Security headers every response carries (pages and API), set by proxy.ts. */
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
