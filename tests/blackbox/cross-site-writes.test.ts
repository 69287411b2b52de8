/**
 * Issue #13, finding 4 (cross-site writes): a page on another site can make the admin's browser
 * send a POST with the admin's cookie (a form or a no-cors fetch: text/plain, form or multipart
 * bodies, its own Origin). Such a write must change nothing.
 */
import { describe, expect, it } from 'vitest';
import { loginAs } from './support/client';

const newUser = (email: string) => JSON.stringify({ email, name: 'Forged admin', role: 'admin', password: 'Str0ng-and-long!' });
let n = 0;
const email = () => `forged-${Date.now().toString(36)}-${++n}@rectify.test`;

async function userExists(address: string): Promise<boolean> {
  const admin = await loginAs('admin');
  const res = await admin.fetch('/api/v1/users?limit=200');
  const { items } = (await res.json()) as { items: { email: string }[] };
  return items.some((u) => u.email === address);
}

describe('cross-site writes with the session cookie', () => {
  it('POST /api/v1/users from another Origin as text/plain (what a hostile page can send) creates nobody', async () => {
    const admin = await loginAs('admin');
    const address = email();
    const res = await admin.fetch('/api/v1/users', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' }, body: newUser(address) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site');
    expect(await userExists(address)).toBe(false);
  });

  it.each([
    ['Origin https://evil.example, JSON', { origin: 'https://evil.example', 'content-type': 'application/json' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }],
    ['Origin: null (a sandboxed frame)', { origin: 'null', 'content-type': 'application/json' }],
  ])('%s: 403 cross_site, nobody created', async (_, headers) => {
    const admin = await loginAs('admin');
    const address = email();
    const res = await admin.fetch('/api/v1/users', { method: 'POST', headers, body: newUser(address) });
    expect(res.status).toBe(403);
    expect(await userExists(address)).toBe(false);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('a JSON route answers 415 to %s even from the site itself', async (type) => {
    const admin = await loginAs('admin');
    const address = email();
    const res = await admin.fetch('/api/v1/users', { method: 'POST', headers: { 'content-type': type }, body: newUser(address) });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'unsupported_media_type' });
    expect(await userExists(address)).toBe(false);
  });

  it('the same write from the site itself (its Origin, JSON) works', async () => {
    const admin = await loginAs('admin');
    const address = email();
    const res = await admin.fetch('/api/v1/users', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: newUser(address).replace('"admin"', '"inspector"') });
    expect(res.status).toBe(201);
    expect(await userExists(address)).toBe(true);
  });

  it('a bodiless cookie write from another site is refused too (notice approval)', async () => {
    const supervisor = await loginAs('supervisor');
    const res = await supervisor.fetch('/api/v1/notices/1/approve', { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });
});
