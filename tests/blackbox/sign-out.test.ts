/**
 * Issue #13, finding 5: signing out ends the session on the server. A copy of the cookie taken
 * before signing out (a shared computer, a stolen cookie) is refused afterwards, on the API and on
 * pages, while the user's other sessions go on.
 */
import { describe, expect, it } from 'vitest';
import { loginAs, request, type Session } from './support/client';

/** The real sign-out, as the shell's button does it (next-auth's signOut): the CSRF token, then POST /api/auth/signout. */
async function signOut(session: Session): Promise<void> {
  const { csrfToken } = (await (await session.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await session.fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: '/signin', json: 'true' }),
  });
  expect(res.status).toBe(200);
  expect(session.jar.get('next-auth.session-token')).toBeUndefined(); // the browser dropped its cookie
}

describe('sign-out', () => {
  it('the old cookie gets 401 on the API and the sign-in page on pages; another session of the user still works', async () => {
    const session = await loginAs('inspector', { fresh: true });
    const other = await loginAs('inspector', { fresh: true });
    const copied = session.cookie();
    expect((await request('/api/v1/cases?limit=1', { headers: { cookie: copied } })).status).toBe(200);

    await signOut(session);

    const api = await request('/api/v1/cases?limit=1', { headers: { cookie: copied } });
    expect(api.status).toBe(401);
    const page = await request('/cases', { headers: { cookie: copied } });
    expect([303, 307, 308]).toContain(page.status);
    expect(page.headers.get('location')).toMatch(/^(https?:\/\/[^/]+)?\/signin\?callbackUrl=%2Fcases$/);
    const signin = await request('/signin', { headers: { cookie: copied } });
    expect(signin.status).toBe(200); // the form, not a redirect into the app

    expect((await other.fetch('/api/v1/cases?limit=1')).status).toBe(200);
  });
});
