import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { LOCALE_COOKIE, preferredLocaleOf } from '@/lib/i18n/locales';
import { publicVersion } from '@/lib/notices/public-cache';

/**
 * The rendered public notice pages (the list, a notice, its print view, the Atom feed), kept per
 * process and served without rendering while the PUBLIC VERSION is unchanged (docs/decisions/0010;
 * the version is the one the public API's cache is keyed by, docs/decisions/0009).
 *
 * It sits in front of Next in this process's HTTP server (as lib/server/client-address.ts does):
 * - a GET of a public page by a reader without a session (no session cookie, no Authorization, not
 *   a client-side navigation or server action) reads the public version from the database — one
 *   index-only query, on every request, so a publication by any copy or writer shows at once;
 * - a stored answer of the same address, language, host and version is sent with a FRESH CSP nonce
 *   swapped in (the page's scripts and its Content-Security-Policy header carry the new one);
 * - otherwise Next renders it (uncompressed, so the nonce can be found and swapped) and a 200 without
 *   Set-Cookie is kept under the version read BEFORE the render (the render reads its data later, so
 *   it is never older than that version).
 * Every answer names itself in X-Rectify-Cache (hit / miss). A failed version read lets Next answer.
 */
export const CACHE_HEADER = 'x-rectify-cache';

/** The public pages whose answer depends only on the address, the reader's language, the host and the public version. */
const PUBLIC_PAGE = /^\/notices(?:\/feed\.xml|\/\d{4}-\d{1,6}(?:\/print)?)?$/;
/** Headers that make an answer the reader's own (a session) or not a whole page (RSC navigation, prefetch, server action). */
const PERSONAL_HEADERS = ['authorization', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?next-auth\.session-token/;
/** Headers of a stored answer that belong to one transmission, not to the page. */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'strict-transport-security', CACHE_HEADER]);

/** At most this many pages per process (least recently used go first), each at most MAX_BODY bytes. */
const MAX_ENTRIES = 300;
const MAX_BODY = 2 * 1024 * 1024;

interface Entry {
  version: string;
  status: number;
  /** Header values with the nonce cut out: join the parts with the new nonce. */
  headers: [string, string[][]][];
  /** The body cut at every occurrence of the nonce. */
  body: string[];
}

const KEY = Symbol.for('rectify.publicHtmlCache');
type Holder = typeof globalThis & { [KEY]?: Map<string, Entry> };

function cookieValue(cookie: string, name: string): string | undefined {
  for (const part of cookie.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** The cache key (without the version) of a request that may be served from the cache, else null. */
export function cacheKeyOf(req: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>): string | null {
  if (req.method !== 'GET' || !req.url || req.url.length > 1000) return null;
  const q = req.url.indexOf('?');
  const pathname = q < 0 ? req.url : req.url.slice(0, q);
  if (!PUBLIC_PAGE.test(pathname)) return null;
  const h = req.headers;
  if (PERSONAL_HEADERS.some((name) => h[name] !== undefined)) return null;
  const cookie = typeof h.cookie === 'string' ? h.cookie : '';
  if (SESSION_COOKIE.test(cookie)) return null;
  const locale = preferredLocaleOf(cookieValue(cookie, LOCALE_COOKIE), typeof h['accept-language'] === 'string' ? h['accept-language'] : null);
  return [locale, h.host ?? '', h['x-forwarded-host'] ?? '', h['x-forwarded-proto'] ?? '', req.url].join('\n');
}

const nonceOf = (csp: unknown) => (typeof csp === 'string' ? /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] : undefined);

function send(res: http.ServerResponse, entry: Entry, https: boolean): void {
  const nonce = btoa(randomUUID());
  const headers: Record<string, string | string[]> = {};
  for (const [name, values] of entry.headers) {
    const joined = values.map((parts) => parts.join(nonce));
    headers[name] = joined.length === 1 ? joined[0]! : joined;
  }
  const body = Buffer.from(entry.body.join(nonce), 'utf8');
  headers['content-length'] = String(body.length);
  headers[CACHE_HEADER] = 'hit';
  if (https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  res.writeHead(entry.status, headers);
  res.end(body);
}

/** Wraps `res` so that a 200 the page renders is kept under `key` at `version`. */
function capture(res: http.ServerResponse, cache: Map<string, Entry>, key: string, version: string): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf = Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    size += buf.length;
    if (size > MAX_BODY) tooBig = true;
    else chunks.push(buf);
  };
  const write = res.write;
  const end = res.end;
  res.setHeader(CACHE_HEADER, 'miss');
  res.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    const result = (end as (...a: unknown[]) => http.ServerResponse).call(this, chunk, ...rest);
    const nonce = nonceOf(res.getHeader('content-security-policy'));
    if (!tooBig && nonce && res.statusCode === 200 && !res.hasHeader('set-cookie') && !res.hasHeader('content-encoding')) {
      const headers: Entry['headers'] = [];
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value === undefined || TRANSPORT_HEADERS.has(name)) continue;
        const values = Array.isArray(value) ? value : [String(value)];
        headers.push([name, values.map((v) => v.split(nonce))]);
      }
      cache.delete(key);
      cache.set(key, { version, status: 200, headers, body: Buffer.concat(chunks).toString('utf8').split(nonce) });
      while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    }
    return result;
  } as typeof res.end;
}

/** Installs the cache in front of this process's HTTP servers (idempotent; instrumentation.ts calls it at start). */
export function installPublicHtmlCache(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const cache = new Map<string, Entry>();
  holder[KEY] = cache;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const key = cacheKeyOf(req);
    if (!key) return emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    const https = req.headers['x-forwarded-proto'] === 'https';
    getDb()
      .then((db) => publicVersion(db))
      .then(
        (version) => {
          const hit = cache.get(key);
          if (hit && hit.version === version) {
            cache.delete(key);
            cache.set(key, hit);
            send(res, hit, https);
            return;
          }
          // Uncompressed, so the nonce can be found in what Next writes.
          delete req.headers['accept-encoding'];
          capture(res, cache, key, version);
          emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
        },
        () => emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>),
      )
      .catch((err) => {
        console.error('[public-html-cache]', err);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        }
      });
    return true;
  } as typeof emit;
}
