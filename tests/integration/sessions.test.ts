import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hash } from '@node-rs/argon2';
import type { JWT } from 'next-auth/jwt';
import { getDb } from '../../db/client';
import { revokedSessions, users } from '../../db/schema';
import { authOptions } from '../../lib/auth/options';
import { SESSION_MAX_AGE_SECONDS, sessionUser } from '../../lib/auth/sessions';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';

// Issue #13, finding 5, in-process: next-auth's own callbacks and sign-out event on the test
// database. tests/blackbox/ proves it through the real server's sign-out with a copied cookie.
const PASSWORD = 'Correct-Horse-9-Battery';
let email: string;

beforeAll(async () => {
  await setupTestDatabase();
  email = 'session@rectify.test';
  await (await getDb()).insert(users).values({ email, name: 'Session', role: 'inspector', passwordHash: await hash(PASSWORD) });
});
afterAll(teardownTestDatabase);

/** What next-auth does at sign-in: authorize, then the jwt callback builds the cookie's claims. */
async function signIn(): Promise<JWT> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
  const user = await provider.options.authorize({ email, password: PASSWORD }, { headers: {} });
  expect(user).toBeTruthy();
  const jwt = authOptions.callbacks!.jwt! as unknown as (p: { token: JWT; user?: unknown }) => Promise<JWT> | JWT;
  return jwt({ token: {} as JWT, user });
}
const claims = (t: JWT) => ({ uid: t.uid, sv: t.sv, sid: t.sid, sst: t.sst });
const signOut = (t: JWT) => (authOptions.events!.signOut as unknown as (m: { token: JWT }) => Promise<void>)({ token: t });

describe('sessions end on the server when signing out', () => {
  it('each sign-in is its own session; signing out ends that one only', async () => {
    const first = await signIn();
    const second = await signIn();
    expect(first.sid).not.toBe(second.sid);
    expect((await sessionUser(claims(first)))?.email).toBe(email);
    await signOut(first);
    expect(await sessionUser(claims(first))).toBeNull();
    expect((await sessionUser(claims(second)))?.email).toBe(email);
  });

  it('a session ends a working day after it started, however often its cookie was refreshed', async () => {
    const token = await signIn();
    expect(await sessionUser({ ...claims(token), sst: token.sst - SESSION_MAX_AGE_SECONDS - 1 })).toBeNull();
  });

  it('a token without a session id (issued before this change) is no session', async () => {
    const token = await signIn();
    expect(await sessionUser({ ...claims(token), sid: undefined })).toBeNull();
  });

  it('revocations of sessions that are over anyway are purged', async () => {
    const old = await signIn();
    await signOut({ ...old, sst: old.sst - SESSION_MAX_AGE_SECONDS - 10 });
    await signOut(await signIn());
    const ids = (await (await getDb()).select().from(revokedSessions)).map((r) => r.sessionId);
    expect(ids).not.toContain(old.sid);
  });
});
