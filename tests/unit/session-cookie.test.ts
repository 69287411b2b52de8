import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { readSessionClaims, sessionCookieName, sessionTokenFromCookies } from '../../lib/auth/session-cookie';

// The per-request session check reads next-auth's own cookie (issue #18): these tokens are made by
// next-auth's encode, as its sign-in writes them.
const SECRET = 'session-cookie-test-secret-0123456789abcdef';
const claims = { uid: 7, sv: 2, sid: '6f1e0d4c-1111-4222-8333-944455556666', sst: Math.floor(Date.now() / 1000), role: 'inspector' as const };
const env = { ...process.env };

beforeEach(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL;
  delete process.env.AUTH_TRUST_HOST;
  delete process.env.VERCEL;
});
afterEach(() => {
  process.env = { ...env };
});

const withCookie = (cookie: string, extra: Record<string, string> = {}) => new Headers({ cookie, ...extra });

describe('the session cookie, read as next-auth writes it', () => {
  it('reads the claims of a token next-auth encoded', async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 60 });
    expect(await readSessionClaims(withCookie(`other=1; next-auth.session-token=${token}`))).toEqual({ uid: 7, sv: 2, sid: claims.sid, sst: claims.sst });
  });

  it('joins a cookie next-auth split into chunks, in order', async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 60 });
    const half = Math.floor(token.length / 2);
    const cookie = `next-auth.session-token.1=${token.slice(half)}; next-auth.session-token.0=${token.slice(0, half)}`;
    expect(sessionTokenFromCookies(cookie, 'next-auth.session-token')).toBe(token);
    expect((await readSessionClaims(withCookie(cookie)))?.uid).toBe(7);
  });

  it('refuses a token under another secret, an expired one and a tampered one', async () => {
    const other = await encode({ token: claims, secret: 'another-secret-of-enough-length-0123456789', maxAge: 60 });
    expect(await readSessionClaims(withCookie(`next-auth.session-token=${other}`))).toBeNull();
    const expired = await encode({ token: claims, secret: SECRET, maxAge: -60 });
    expect(await readSessionClaims(withCookie(`next-auth.session-token=${expired}`))).toBeNull();
    const token = await encode({ token: claims, secret: SECRET, maxAge: 60 });
    const parts = token.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    expect(await readSessionClaims(withCookie(`next-auth.session-token=${parts.join('.')}`))).toBeNull();
    expect(await readSessionClaims(withCookie('next-auth.session-token=not-a-token'))).toBeNull();
  });

  it('reads only the cookie name next-auth uses for the site’s address', async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 60 });
    expect(sessionCookieName(new Headers())).toBe('next-auth.session-token');
    expect(await readSessionClaims(withCookie(`__Secure-next-auth.session-token=${token}`))).toBeNull();
    process.env.NEXTAUTH_URL = 'https://rectify.example.gov.cn';
    expect(await readSessionClaims(withCookie(`next-auth.session-token=${token}`))).toBeNull();
    expect((await readSessionClaims(withCookie(`__Secure-next-auth.session-token=${token}`)))?.uid).toBe(7);
    process.env.NEXTAUTH_URL = 'http://127.0.0.1:3000';
    expect(sessionCookieName(new Headers())).toBe('next-auth.session-token');
    delete process.env.NEXTAUTH_URL;
    process.env.AUTH_TRUST_HOST = 'true';
    expect(sessionCookieName(new Headers({ 'x-forwarded-proto': 'http' }))).toBe('next-auth.session-token');
    expect(sessionCookieName(new Headers())).toBe('__Secure-next-auth.session-token');
  });
});
