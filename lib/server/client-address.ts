import http from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * The client's network address, for per-address sign-in throttling (docs/decisions/0006, issue #13
 * finding 7). Next.js hands route handlers and next-auth only headers, and every header a client
 * sends is its to choose (`next start` even keeps a client's own X-Forwarded-For). So the server
 * process itself stamps each request as it arrives, from the one thing a client cannot forge:
 *
 * - no proxy configured: the TCP peer (`socket.remoteAddress`); X-Forwarded-For and X-Real-IP are
 *   ignored;
 * - `RECTIFY_TRUST_PROXY=N` (N reverse proxies in front, each appending the address it saw to
 *   X-Forwarded-For): the N-th entry from the right — the one the outermost trusted proxy appended;
 *   whatever the client wrote to the left of it is ignored. A request carrying fewer entries did
 *   not pass every proxy: its TCP peer is used.
 *
 * The stamp is `<per-process key> <address>` in CLIENT_ADDRESS_HEADER, replacing any copy a client
 * sent; a value without this process's key (a request that arrived before the stamp was installed)
 * reads as `unknown`.
 */
export const CLIENT_ADDRESS_HEADER = 'x-rectify-client-address';

const KEY = Symbol.for('rectify.clientAddressKey');
type Holder = typeof globalThis & { [KEY]?: string };

/** How many reverse proxies are trusted: RECTIFY_TRUST_PROXY=1..9 (0 when unset or anything else). */
export function trustedProxyHops(value = process.env.RECTIFY_TRUST_PROXY): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : 0;
}

function normalize(address: string | undefined): string | undefined {
  const a = address?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return a ? a.slice(0, 100) : undefined;
}

/** The client's address from the TCP peer and the X-Forwarded-For the trusted proxies built. */
export function addressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  if (hops > 0) {
    const list = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const appended = list.length >= hops ? normalize(list[list.length - hops]) : undefined;
    if (appended) return appended;
  }
  return normalize(peer) ?? 'unknown';
}

/** Stamps every request this process's HTTP servers receive (idempotent; instrumentation.ts calls it at start). */
export function installClientAddressStamp(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const key = randomUUID();
  holder[KEY] = key;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[CLIENT_ADDRESS_HEADER] = `${key} ${addressOf(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trustedProxyHops())}`;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** The stamped client address of a request's headers, or `unknown`. */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const key = (globalThis as Holder)[KEY];
  return key && value?.startsWith(`${key} `) ? value.slice(key.length + 1) : 'unknown';
}
