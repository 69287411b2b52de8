import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import { resolveAuthSecret } from './secret';
import type { SessionClaims } from './sessions';

/**
 * Reads the claims of next-auth's session cookie for the per-request session check (lib/auth/actor.ts),
 * as next-auth 4's `getServerSession` does, without its per-request cost (issue #18): that derived the
 * encryption key anew on every call (HKDF), ran the whole session route and encrypted a fresh cookie
 * that a page could not even send back. Here the key is derived once per secret and the token only
 * decrypted. Nothing about the session changes: next-auth still signs in and out and writes the cookie
 * (lib/auth/options.ts), a session still ends SESSION_MAX_AGE_SECONDS after it started whatever the
 * cookie says, and the caller still reads the user row and the revocations on every request
 * (`sessionUser`), so a sign-out, a disabled user or a bumped session version stops it at once.
 *
 * The cookie format is next-auth's (next-auth/jwt `encode`, tests/unit/session-cookie.test.ts encodes
 * with it): a JWE (`dir`, A256GCM) under HKDF-SHA256(secret, salt "", info "NextAuth.js Generated
 * Encryption Key", 32 bytes), its `exp` checked with next-auth's 15 s tolerance; a cookie longer than
 * one can hold is split into `name.0`, `name.1`, … (next-auth's SessionStore).
 */

const ENCRYPTION_INFO = 'NextAuth.js Generated Encryption Key';
let derived: { secret: string; key: Uint8Array } | undefined;

function encryptionKey(): Uint8Array {
  const secret = resolveAuthSecret();
  if (derived?.secret !== secret) derived = { secret, key: new Uint8Array(hkdfSync('sha256', secret, '', ENCRYPTION_INFO, 32)) };
  return derived.key;
}

/**
 * The session cookie's name, by next-auth's own rule (core/init.js `defaultCookies`, utils/detect-origin.js):
 * `__Secure-` prefixed when the site's address is https — NEXTAUTH_URL when set (a bare host counts as
 * https), else with AUTH_TRUST_HOST/VERCEL the forwarded protocol (anything but `http` is https), else
 * http://localhost:3000. Only that name is read, as next-auth does.
 */
export function sessionCookieName(headers: Headers): string {
  const configured = process.env.NEXTAUTH_URL;
  let secure: boolean;
  if (configured) secure = configured.startsWith('https://') || !configured.startsWith('http');
  else if (process.env.VERCEL ?? process.env.AUTH_TRUST_HOST) secure = headers.get('x-forwarded-proto') !== 'http';
  else secure = false;
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

/** The session token from a Cookie header: the named cookie, or its chunks joined in order. */
export function sessionTokenFromCookies(cookieHeader: string, name: string): string | null {
  const chunks: [number, string][] = [];
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    // next-auth takes every cookie whose name starts with the session cookie's and orders them by suffix.
    if (!key.startsWith(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent, as the cookie parser does
    }
    chunks.push([parseInt(key.split('.').pop() ?? '0') || 0, value]);
  }
  if (!chunks.length) return null;
  return chunks
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v)
    .join('');
}

/** The session's claims from the request's cookies, or null: no cookie, or one that does not decrypt under this secret or has expired. */
export async function readSessionClaims(headers: Headers): Promise<SessionClaims | null> {
  const token = sessionTokenFromCookies(headers.get('cookie') ?? '', sessionCookieName(headers));
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(), { clockTolerance: 15 });
    const { uid, sv, sid, sst } = payload as SessionClaims;
    return { uid, sv, sid, sst };
  } catch {
    return null;
  }
}
