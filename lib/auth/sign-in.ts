import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
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
    valid = !!user && !user.disabledAt && (await verify(user.passwordHash, password).catch(() => false));
  } finally {
    await settleAttempt(db, slots, valid);
  }
  if (!valid || !user) return { ok: false };
  return { ok: true, user: { id: String(user.id), name: user.name, email: user.email, role: user.role, sv: user.sessionVersion } };
}
