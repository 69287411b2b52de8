/**
 * Issue #13, finding 3 (open redirect): wherever sign-in sends the browser next, it stays on this
 * site. Signed in, `/signin?callbackUrl=…` redirects at once; signed out, the form receives the value
 * and follows it after signing in (the same rule on both, and in next-auth's redirect callback).
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, loginAs, request } from './support/client';

const HOSTILE = [
  '/\\evil.example', // browsers read /\ as //
  '/\\/evil.example',
  '/\t/evil.example', // browsers drop the tab: //evil.example
  '/\n/evil.example',
  '//evil.example',
  'https://evil.example/',
  'javascript:alert(1)//evil.example',
];

/** Where a browser would go for a Location header (it strips tabs and newlines, and reads \ as /). */
function browserTarget(location: string): URL {
  return new URL(location.replace(/[\t\n\r]/g, '').replace(/\\/g, '/'), baseUrl());
}

describe('sign-in never redirects off the site', () => {
  it.each(HOSTILE)('signed in, /signin?callbackUrl=%j stays here', async (callback) => {
    const admin = await loginAs('admin');
    const res = await admin.fetch(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
    expect([303, 307, 308]).toContain(res.status);
    const location = res.headers.get('location')!;
    expect(location).not.toMatch(/evil\.example/);
    expect(browserTarget(location).origin).toBe(new URL(baseUrl()).origin);
  });

  it('a path on the site is kept, query included', async () => {
    const admin = await loginAs('admin');
    const res = await admin.fetch(`/signin?callbackUrl=${encodeURIComponent('/cases?state=open')}`);
    expect(browserTarget(res.headers.get('location')!).pathname + browserTarget(res.headers.get('location')!).search).toBe('/cases?state=open');
  });

  it('a staff page with a 13,000-character query, signed out: sent to sign in and back to its path (the whole would not fit a redirect header)', async () => {
    const query = `overdue=${encodeURIComponent('长'.repeat(1500))}`;
    const res = await request(`/subjects/1?${query}`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(res.status);
    const target = browserTarget(res.headers.get('location')!);
    expect(target.pathname).toBe('/signin');
    expect(target.searchParams.get('callbackUrl')).toBe('/subjects/1');
    const short = await request('/subjects/1?overdue=1', { redirect: 'manual' });
    expect(browserTarget(short.headers.get('location')!).searchParams.get('callbackUrl')).toBe('/subjects/1?overdue=1');
  });

  it.each(HOSTILE)('signed out, the sign-in form is not handed %j to follow', async (callback) => {
    const res = await request(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
    expect(res.status).toBe(200);
    // The form's prop in the page's flight data (the page echoes the requested URL elsewhere).
    const prop = /\\"callbackUrl\\":\\"((?:[^"\\]|\\\\)*)\\"/.exec(await res.text());
    expect(prop?.[1]).toBe('/');
  });

  it("next-auth's own callbackUrl (the credentials callback's answer) stays here", async () => {
    const csrfRes = await request('/api/auth/csrf');
    const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: baseUrl() },
      body: new URLSearchParams({ csrfToken, email: 'admin@rectify.demo', password: 'rectify-demo', callbackUrl: `${baseUrl()}/\\evil.example`, json: 'true' }),
    });
    const { url } = (await res.json()) as { url: string };
    expect(url).not.toMatch(/evil\.example/);
    expect(browserTarget(url).origin).toBe(new URL(baseUrl()).origin);
  });
});
