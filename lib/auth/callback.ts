/**
 * Where sign-in (and next-auth's redirects) may send the browser afterwards: a path on this site,
 * nothing else (issue #13, finding 3). One rule for the sign-in page, its form and next-auth's
 * `redirect` callback; no server imports, so the form runs it too.
 *
 * Refused, answered with `/`: anything not starting with exactly one `/` (`//host`, `https:…`,
 * `javascript:…`), backslashes anywhere (browsers read `/\host` as `//host`), control characters
 * and spaces (browsers strip tabs and newlines, so `/\t/host` becomes `//host`), and anything that
 * resolves to another origin.
 */
export const MAX_CALLBACK_LENGTH = 2000;

const PLACEHOLDER_ORIGIN = 'http://rectify.invalid';

export function safeCallbackPath(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || v.length > MAX_CALLBACK_LENGTH) return '/';
  if (!v.startsWith('/') || v.startsWith('//')) return '/';
  // Backslashes, C0 controls, DEL, spaces and the C1 controls and line separators some parsers also skip.
  if (/[\\\s\u0000-\u001f\u007f-\u009f]/u.test(v)) return '/';
  let url: URL;
  try {
    url = new URL(v, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return '/';
  const path = url.pathname + url.search + url.hash;
  return path.startsWith('//') ? '/' : path;
}

/** next-auth's `redirect` callback: an absolute URL on this site or a safe path, else the home page. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  let path = url;
  if (!url.startsWith('/')) {
    try {
      const target = new URL(url);
      if (target.origin !== new URL(baseUrl).origin) return baseUrl;
      path = target.pathname + target.search + target.hash;
    } catch {
      return baseUrl;
    }
  }
  return `${baseUrl.replace(/\/$/, '')}${safeCallbackPath(path)}`;
}
