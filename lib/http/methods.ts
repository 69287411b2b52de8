/**
 * 405 Method Not Allowed in the API's error shape, with `Allow`, for every route file: a method its
 * file does not export used to get Next's own 405 with an empty body. The methods come from the one
 * table of routes × methods (lib/http/route-methods.cjs, read from the route files at build time into
 * RECTIFY_ROUTE_METHODS by next.config.js). proxy.ts answers for every route it sees; the upload
 * routes it does not see export `otherMethod` for the methods they do not take.
 */
import { NextResponse } from 'next/server';
import { HttpError } from './errors';
import { unproxied } from '@/lib/security/headers';

interface RouteMethods {
  route: string;
  methods: string[];
}

type Kind = 0 | 1 | 2 | 3; // static, [dynamic], [...catchAll], [[...optional]]
const kindOf = (segment: string): Kind => (segment.startsWith('[[...') ? 3 : segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0);

// `process.env.RECTIFY_ROUTE_METHODS` as written: Next inlines it at build time (next.config.js `env`).
const ROUTES = (JSON.parse(process.env.RECTIFY_ROUTE_METHODS ?? '[]') as RouteMethods[]).map((r) => ({
  ...r,
  segments: r.route.split('/').filter(Boolean),
}));

/** Each segment's kind where `pattern` matches `path` (Next prefers static, then dynamic, then catch-all), else null. */
function match(pattern: string[], path: string[]): Kind[] | null {
  const kinds: Kind[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const kind = kindOf(pattern[i]!);
    if (kind >= 2) return path.length > i || kind === 3 ? [...kinds, kind] : null;
    if (i >= path.length || (kind === 0 && pattern[i] !== path[i])) return null;
    kinds.push(kind);
  }
  return path.length === pattern.length ? kinds : null;
}

const before = (a: Kind[], b: Kind[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length > b.length;
};

/** The route file Next serves `pathname` from, or null (a page, or nothing). */
export function routeOf(pathname: string): RouteMethods | null {
  let path: string[];
  try {
    path = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  let best: { route: RouteMethods; kinds: Kind[] } | null = null;
  for (const route of ROUTES) {
    const kinds = match(route.segments, path);
    if (kinds && (!best || before(kinds, best.kinds))) best = { route, kinds };
  }
  return best?.route ?? null;
}

/** The `Allow` header of a route: its methods, HEAD where it has GET, and OPTIONS (both as Next answers them). */
export function allowed(route: RouteMethods): string[] {
  const set = new Set([...route.methods, 'OPTIONS']);
  if (set.has('GET')) set.add('HEAD');
  return [...set].sort();
}

export const methodNotAllowed = (method: string, route: RouteMethods, allow: string[]) =>
  new HttpError(405, 'method_not_allowed', `${method.slice(0, 20)} is not a method of ${route.route}; it takes ${allow.join(', ')}.`);

/**
 * The 405 for a request whose route file does not take its method (JSON under /api/, text
 * elsewhere), or null when the method is one it takes or no route file serves the path.
 */
export function methodNotAllowedResponse(method: string, pathname: string): NextResponse | null {
  const route = routeOf(pathname);
  if (!route) return null;
  const allow = allowed(route);
  if (allow.includes(method)) return null;
  const error = methodNotAllowed(method, route, allow);
  const headers = { Allow: allow.join(', ') };
  return pathname.startsWith('/api/')
    ? NextResponse.json(error.toBody(), { status: 405, headers })
    : new NextResponse(`405 ${error.message}\n`, { status: 405, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Exported by a route file the proxy does not see (the upload routes) as each method it does not
 * take, and as OPTIONS: the 405 (or OPTIONS's 204) with the route's real `Allow`, and the headers
 * the proxy would have set.
 */
export const otherMethod = unproxied(async (req: Request): Promise<Response> => {
  const { pathname } = new URL(req.url);
  const route = routeOf(pathname);
  if (req.method === 'OPTIONS') return new NextResponse(null, { status: 204, headers: { Allow: (route ? allowed(route) : ['OPTIONS']).join(', ') } });
  return methodNotAllowedResponse(req.method, pathname) ?? NextResponse.json(new HttpError(404, 'not_found', `No route ${pathname}.`).toBody(), { status: 404 });
});
