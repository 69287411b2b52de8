import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Role } from './permissions';
import { isRefusal, normalizeEmail, reserveAttempt, settleAttempt, type Refusal } from './throttle';

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sv: number;
}

export type SignInOutcome = { ok: true; user: SignedInUser } | { ok: false; refused?: Refusal };

/**
 * An argon2id hash of a random password nobody knows, made with the same parameters as real ones
 * (the library's defaults, as lib/users and the seed use). An unknown or disabled account verifies
 * against it, so the answer takes as long as a wrong password for a real account (finding 6).
 */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hash(randomBytes(32).toString('base64url')));

/** Checks an email and password, within the throttle: a full counter refuses before the password is looked at. */
export async function signInWithPassword(email: string, password: string, address: string): Promise<SignInOutcome> {
  const account = normalizeEmail(email);
  if (!account || !password) return { ok: false };
  const db = await getDb();
  const slots = await reserveAttempt(db, account, address);
  if (isRefusal(slots)) return { ok: false, refused: slots };
  let user: typeof users.$inferSelect | undefined;
  let valid = false;
  try {
    [user] = await db.select().from(users).where(eq(users.email, account)).limit(1);
    const usable = !!user && !user.disabledAt;
    // Always one argon2 verification, whether or not the account exists or may sign in.
    const checked = await verify(usable ? user!.passwordHash : await dummy(), password).catch(() => false);
    valid = usable && checked;
  } finally {
    await settleAttempt(db, slots, valid);
  }
  if (!valid || !user) return { ok: false };
  await db.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, user.id));
  return { ok: true, user: { id: String(user.id), name: user.name, email: user.email, role: user.role, sv: user.sessionVersion } };
}
