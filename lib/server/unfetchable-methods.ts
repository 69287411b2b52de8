/**
 * TRACE never reaches the proxy: Next turns each request into a fetch `Request` first, and fetch
 * refuses that method (a 500). It is answered here, at the Node server, with the same 405 as any
 * other method a route does not take (lib/http/methods.ts). (fetch refuses TRACK and CONNECT too,
 * but Node's parser answers TRACK with its own 400, and CONNECT is no 'request' event.)
 */
import http from 'node:http';
import { allowed, methodNotAllowed, routeOf } from '@/lib/http/methods';
import { API_CSP, SECURITY_HEADERS } from '@/lib/security/headers';

const UNFETCHABLE = new Set(['TRACE']);
const KEY = Symbol.for('rectify.unfetchableMethods');

function answer(req: http.IncomingMessage, res: http.ServerResponse): void {
  let pathname = '/';
  try {
    pathname = new URL(req.url ?? '/', 'http://server').pathname;
  } catch {
    // an unparsable target: answered for '/'
  }
  const route = routeOf(pathname) ?? { route: pathname.slice(0, 200), methods: ['GET', 'POST'] };
  const allow = allowed(route);
  const error = methodNotAllowed(req.method ?? '', route, allow);
  const api = pathname.startsWith('/api/');
  const body = api ? JSON.stringify(error.toBody()) : `405 ${error.message}\n`;
  res.writeHead(405, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': API_CSP,
    Allow: allow.join(', '),
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
  req.resume();
}

export function installUnfetchableMethodGuard(): void {
  const holder = globalThis as { [KEY]?: boolean };
  if (holder[KEY]) return;
  holder[KEY] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && UNFETCHABLE.has((args[0] as http.IncomingMessage).method ?? '')) {
      answer(args[0] as http.IncomingMessage, args[1] as http.ServerResponse);
      return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
