/**
 * Issue #13, finding 2 (its last part): a method a route does not take is a 405 in the API's error
 * shape, `{ error: { code: 'method_not_allowed', message } }`, with `Allow` naming the methods it
 * does take — not Next's own 405 with an empty body and no Allow. Every API route of the
 * authorization matrix × every method it lacks, the upload routes outside the proxy included; the
 * expected `Allow` comes from the matrix, so the server's table (read from the route files) and the
 * matrix must agree. A POST to a page that is no server action is not a 5xx.
 */
import { describe, expect, it } from 'vitest';
import { API, PAGES } from '../../e2e/authz/matrix';
import { request, server } from './support/client';
import { portOf, rawRequest } from './support/raw';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Each API route pattern of the matrix: a concrete path and the methods its rows name. */
const routes = new Map<string, { path: string; methods: Set<string> }>();
for (const row of API) {
  const [method, pattern] = row.route.split(' ') as [string, string];
  if (pattern.includes('[...')) continue; // the catch-all takes every method (a JSON 404)
  const entry = routes.get(pattern) ?? { path: (row.path ?? pattern).split('?')[0]!, methods: new Set<string>() };
  entry.methods.add(method);
  routes.set(pattern, entry);
}

/** What `Allow` says for a route: its methods, HEAD with GET, and OPTIONS, sorted (as Next's own OPTIONS answer does). */
const allowOf = (methods: Iterable<string>) => {
  const set = new Set([...methods, 'OPTIONS']);
  if (set.has('GET')) set.add('HEAD');
  return [...set].sort().join(', ');
};

const cases = [...routes].flatMap(([pattern, { path, methods }]) =>
  METHODS.filter((m) => !methods.has(m)).map((method) => ({ method, pattern, path, allow: allowOf(methods) })),
);

async function expect405(res: Response, allow: string, what: string) {
  const text = await res.text();
  expect(res.status, `${what}: ${text.slice(0, 200)}`).toBe(405);
  expect(res.headers.get('allow'), what).toBe(allow);
  expect(res.headers.get('x-content-type-options'), `${what}: the security headers`).toBe('nosniff');
  if (!new URL(res.url).pathname.startsWith('/api/')) {
    expect(text, `${what}: a route outside /api (the notices feed) says it in text`).toContain(allow);
    return;
  }
  expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.code, what).toBe('method_not_allowed');
  expect(body.error.message, what).toContain(allow);
}

describe('a method a route does not take', () => {
  it('the matrix gives enough cases (every API route × each method it lacks)', () => {
    expect(routes.size).toBeGreaterThan(50);
    expect(cases.length).toBeGreaterThan(150);
    expect(cases.map((c) => `${c.method} ${c.pattern}`)).toEqual(expect.arrayContaining(['DELETE /api/v1/cases', 'PUT /api/health', 'PUT /api/v1/imports', 'GET /api/v1/evidence']));
  });

  it(`every API route × every method it lacks → 405 JSON in the error shape with Allow (${cases.length} requests)`, async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const what = `${c.method} ${c.path} (${c.pattern})`;
      const res = await request(c.path, { method: c.method, ...(c.method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }) });
      try {
        await expect405(res, c.allow, what);
      } catch (err) {
        failures.push((err as Error).message.split('\n')[0]!);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it.each([
    ['DELETE', '/api/v1/cases', 'GET, HEAD, OPTIONS'],
    ['PUT', '/api/v1/subjects', 'GET, HEAD, OPTIONS, POST'],
    ['PUT', '/api/health', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/v1/cases/transitions', 'OPTIONS, POST'], // the static route, not /api/v1/cases/[id]
    ['PATCH', '/api/v1/imports', 'GET, HEAD, OPTIONS, POST'], // outside the proxy
    ['DELETE', '/api/v1/evidence', 'OPTIONS, POST'], // outside the proxy
    ['DELETE', '/api/auth/session', 'GET, HEAD, OPTIONS, POST'], // next-auth's route
  ])('%s %s → 405 JSON, Allow: %s, signed in or not', async (method, path, allow) => {
    await expect405(await request(path, { method }), allow, `${method} ${path}`);
  });

  it('HEAD to a route without GET: 405 with Allow', async () => {
    for (const path of ['/api/v1/cases/transitions', '/api/v1/evidence']) {
      const res = await request(path, { method: 'HEAD' });
      expect(res.status, path).toBe(405);
      expect(res.headers.get('allow'), path).toBe('OPTIONS, POST');
    }
  });

  it('OPTIONS names the methods, on the upload routes too', async () => {
    for (const [path, allow] of [['/api/v1/subjects', 'GET, HEAD, OPTIONS, POST'], ['/api/v1/imports', 'GET, HEAD, OPTIONS, POST'], ['/api/v1/evidence', 'OPTIONS, POST']] as const) {
      const res = await request(path, { method: 'OPTIONS' });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('allow'), path).toBe(allow);
    }
  });

  // TRACE used to be a 500: Next builds a fetch Request for every request, and fetch refuses it.
  it('a method no route takes (PROPFIND, MKCOL, PURGE, TRACE) is a 405 JSON, not an empty 400 or a 500', async () => {
    const port = portOf(server().baseUrl);
    for (const [method, path] of [['PROPFIND', '/api/v1/cases'], ['MKCOL', '/api/v1/subjects/1'], ['PURGE', '/api/v1/no-such-route'], ['TRACE', '/api/v1/cases'], ['TRACE', '/api/v1/evidence'], ['TRACE', '/api/v1/cases/%FF']] as const) {
      const res = await rawRequest(port, { head: [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'], then: 'wait' });
      expect(res.status, `${method} ${path}: ${res.body.slice(0, 200)}`).toBe(405);
      expect(res.headers.allow, `${method} ${path}`).toMatch(/OPTIONS/);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('method_not_allowed');
    }
  });

  it('TRACE to a page is a 405 too, not a 500', async () => {
    const res = await rawRequest(portOf(server().baseUrl), { head: ['TRACE /notices HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close'], then: 'wait' });
    expect(res.status, res.body.slice(0, 200)).toBe(405);
    expect(res.headers.allow).toBeTruthy();
  });

  it('a POST to a page that is no server action is not a 5xx', async () => {
    const pages = PAGES.map((r) => r.path ?? r.route.split(' ')[1]!).filter((p) => !p.includes('['));
    const failures: string[] = [];
    for (const path of pages.slice(0, 40)) {
      for (const [type, body] of [['text/plain', 'x'], ['application/x-www-form-urlencoded', 'a=1'], ['application/json', '{}']] as const) {
        const res = await request(path, { method: 'POST', headers: { 'content-type': type }, body });
        await res.arrayBuffer();
        if (res.status >= 500) failures.push(`POST ${path} (${type}) → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
