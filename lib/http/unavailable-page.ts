/**
 * The page a reader meets while the database is away (restarting, stopped): HTTP 503 with
 * Retry-After, in their language, trying the page they wanted again by itself. Answered by proxy.ts
 * (a page request while the database is known to be down) and by GET /unavailable (where a page whose
 * render met the outage is sent). No driver or React imports: the proxy bundles it.
 */
import { RETRY_AFTER_SECONDS } from '@/db/health';
import { safeCallbackPath } from '@/lib/auth/callback';
import { LOCALE_COOKIE, preferredLocaleOf } from '@/lib/i18n/locales';
import en from '@/messages/en/unavailable.json';
import zh from '@/messages/zh/unavailable.json';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** `retryPath` is where the page retries (a path on this site; anything else becomes `/`). */
export function unavailablePage(request: { headers: Headers }, retryPath: string): Response {
  const locale = preferredLocaleOf(cookieValue(request.headers.get('cookie'), LOCALE_COOKIE), request.headers.get('accept-language'));
  const t = (locale === 'en' ? en : zh).unavailable;
  const target = escapeHtml(safeCallbackPath(retryPath));
  const html = `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS};url=${target}">
<title>${escapeHtml(t.title)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC",sans-serif;background:#f5f6f8;color:#1b2430}
main{max-width:32rem;margin:0 auto;padding:6rem 1.5rem;text-align:center}
p.code{font-size:.875rem;font-weight:600;color:#5b6675;margin:0}
h1{font-size:1.5rem;margin:.5rem 0 0}
p.body{color:#3d4756;line-height:1.6}
a{display:inline-block;margin-top:1.5rem;color:#1d4ed8;text-decoration:underline}
</style>
</head>
<body>
<main>
<p class="code">503</p>
<h1>${escapeHtml(t.title)}</h1>
<p class="body">${escapeHtml(t.body)}</p>
<a href="${target}">${escapeHtml(t.retry)}</a>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
