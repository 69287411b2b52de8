/**
 * The authorization matrix: every API route and page × who asks → what they get.
 *   'ok'  any answer but 401/403 (the request may still be refused for its content: 400/404/409/422)
 *   401   no credentials          403   wrong role          'signin'  a page redirecting to sign in
 * `token` is an API token acting as an inspector (the usual machine credential).
 * e2e/authz-matrix.spec.ts walks this table and fails for any route file that has no row.
 */
export type Outcome = 'ok' | 401 | 403 | 'signin';
export type Who = 'anonymous' | 'inspector' | 'supervisor' | 'admin' | 'token';

export interface Row {
  /** METHOD and path pattern as in the app folder: `POST /api/v1/cases/[id]/transitions`. */
  route: string;
  /** A concrete path to request (ids that exist in the demo seed where it matters). */
  path?: string;
  body?: unknown;
  expect: Record<Who, Outcome>;
}

const everyone = (o: Outcome): Record<Who, Outcome> => ({ anonymous: o, inspector: o, supervisor: o, admin: o, token: o });
const signedIn = (inspector: Outcome, supervisor: Outcome, admin: Outcome, token = inspector): Record<Who, Outcome> => ({ anonymous: 401, inspector, supervisor, admin, token });
// A token acts with its role on pages too (browsers never send it by themselves, so no CSRF risk).
const page = (inspector: Outcome, supervisor: Outcome, admin: Outcome): Record<Who, Outcome> => ({ anonymous: 'signin', inspector, supervisor, admin, token: inspector });

export const API: Row[] = [
  { route: 'GET /api/health', expect: everyone('ok') },
  { route: 'GET /api/v1/[...path]', path: '/api/v1/no-such-thing', expect: signedIn('ok', 'ok', 'ok') },
  { route: 'GET /api/v1/stats/summary', expect: signedIn('ok', 'ok', 'ok') },
  { route: 'POST /api/v1/cases/[id]/transitions', path: '/api/v1/cases/1/transitions', body: {}, expect: signedIn('ok', 'ok', 403) },
  { route: 'POST /api/v1/cases/transitions', body: {}, expect: signedIn('ok', 'ok', 403) },
  { route: 'GET /api/v1/users', expect: signedIn(403, 403, 'ok') },
  { route: 'POST /api/v1/users', body: {}, expect: signedIn(403, 403, 'ok') },
  { route: 'PATCH /api/v1/users/[id]', path: '/api/v1/users/999999', body: { role: 'inspector' }, expect: signedIn(403, 403, 'ok') },
  { route: 'GET /api/v1/tokens', expect: signedIn(403, 403, 'ok') },
  { route: 'POST /api/v1/tokens', body: {}, expect: signedIn(403, 403, 'ok') },
  { route: 'DELETE /api/v1/tokens/[id]', path: '/api/v1/tokens/999999', expect: signedIn(403, 403, 'ok') },
];

export const PAGES: Row[] = [
  { route: 'GET /signin', expect: everyone('ok') },
  { route: 'GET /', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /admin/users', expect: page(403, 403, 'ok') },
  { route: 'GET /admin/tokens', expect: page(403, 403, 'ok') },
];

/** Route files that are not the product's own entry points (next-auth's handler is checked by sign-in tests). */
export const EXEMPT = ['/api/auth/[...nextauth]'];
