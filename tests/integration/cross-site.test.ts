import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { POST as createUser } from '../../app/api/v1/users/route';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';

// Issue #13, finding 4, in-process: the refusals happen in apiRoute and readJson, before the handler.
// tests/blackbox/ proves the same through the real server with a real admin session.
let handle: DatabaseHandle;
let admin: string;
const newAdmin = (email: string) => ({ email, name: 'Forged', role: 'admin', password: 'Str0ng-and-long!' });
const exists = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email))).length > 0;
const COOKIE = { cookie: 'next-auth.session-token=anything' };

beforeAll(async () => {
  handle = await setupTestDatabase();
  admin = await createToken('admin');
});
afterAll(teardownTestDatabase);

describe('cross-site writes', () => {
  it.each<[string, Record<string, string>]>([
    ['another Origin', { ...COOKIE, origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { ...COOKIE, 'sec-fetch-site': 'cross-site', origin: 'http://rectify.test' }],
    ['Sec-Fetch-Site: same-site', { ...COOKIE, 'sec-fetch-site': 'same-site' }],
    ['Origin: null', { ...COOKIE, origin: 'null' }],
  ])('a cookie write with %s is refused 403 cross_site before anything is read', async (what, headers) => {
    const email = `forged-${what.replace(/[^a-z]/gi, '').toLowerCase()}@rectify.test`;
    const res = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', headers, body: newAdmin(email) });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('cross_site');
    expect(await exists(email)).toBe(false);
  });

  it('the same site passes the check (and then needs credentials)', async () => {
    const sameOrigin = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', headers: { origin: 'http://rectify.test' }, body: newAdmin('a@rectify.test') });
    const fetchSite = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', headers: { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }, body: newAdmin('b@rectify.test') });
    expect([sameOrigin.status, fetchSite.status]).toEqual([401, 401]);
  });

  it('a Bearer token is exempt: it is no ambient credential a page can borrow', async () => {
    const res = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', token: admin, headers: { origin: 'https://evil.example' }, body: newAdmin('bearer@rectify.test') });
    expect(res.status).toBe(201);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined])('a JSON route answers 415 to Content-Type %s', async (type) => {
    const email = `type-${type?.split(/[/;]/)[1] ?? 'none'}@rectify.test`;
    const res = await callRoute(createUser, {
      method: 'POST', path: '/api/v1/users', token: admin, rawBody: JSON.stringify(newAdmin(email)), headers: type ? { 'content-type': type } : {},
    });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('unsupported_media_type');
    expect(await exists(email)).toBe(false);
  });

  it('application/json with a charset is JSON', async () => {
    const res = await callRoute(createUser, {
      method: 'POST', path: '/api/v1/users', token: admin, rawBody: JSON.stringify(newAdmin('charset@rectify.test')), headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    });
    expect(res.status).toBe(201);
  });
});
