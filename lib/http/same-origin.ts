import { HttpError } from './errors';

/**
 * Cross-site request forgery (issue #13, finding 4): a write the browser sends with the session
 * cookie must come from this site's own pages. The rule is the one browsers make checkable and Go's
 * `http.CrossOriginProtection` applies:
 *  - safe methods (GET, HEAD, OPTIONS) and `Authorization: Bearer` requests (no ambient credential)
 *    pass;
 *  - `Sec-Fetch-Site` (browsers set it; pages cannot) must be `same-origin` (or `none`: typed by the user);
 *  - without it, an `Origin` must name this server: the host of `Host`, `X-Forwarded-Host` or
 *    NEXTAUTH_URL, or the request's own URL (a cross-site page cannot set those);
 *  - a request with neither header did not come from a browser page (every browser that sends cookies
 *    cross-site sends Origin), so it carries no victim's session to abuse.
 * Server actions are guarded by Next.js itself (it aborts an action whose Origin is not the Host).
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function ownHosts(req: Request): string[] {
  const headers = req.headers;
  const hosts = [headers.get('host'), headers.get('x-forwarded-host')?.split(',')[0]?.trim(), new URL(req.url).host];
  try {
    if (process.env.NEXTAUTH_URL) hosts.push(new URL(process.env.NEXTAUTH_URL).host);
  } catch {
    /* not a URL: ignored */
  }
  return hosts.filter((h): h is string => !!h).map((h) => h.toLowerCase());
}

const crossSite = (what: string) =>
  new HttpError(
    403,
    'cross_site',
    `Refused: a signed-in write must come from this site's own pages (${what}). API clients send Authorization: Bearer <token>.`,
  );

/** The 403 a forged cross-site write gets, or null when the request may go on. */
export function crossSiteRefusal(req: Request): HttpError | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const headers = req.headers;
  if (/^bearer\s/i.test(headers.get('authorization') ?? '')) return null;
  const site = headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (site) return site === 'same-origin' || site === 'none' ? null : crossSite(`Sec-Fetch-Site: ${site.slice(0, 40)}`);
  const origin = headers.get('origin')?.trim();
  if (!origin) return null;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return crossSite(`Origin ${origin.slice(0, 100)}`);
  }
  return host && ownHosts(req).includes(host) ? null : crossSite(`Origin ${origin.slice(0, 100)} is not this server`);
}
