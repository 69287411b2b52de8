import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInAttempts } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { ThrottleRefusal } from './throttle-message';

/**
 * Sign-in throttling (issue #9): at most ACCOUNT_LIMIT failed attempts per account (normalized
 * email, whether or not it exists) and ADDRESS_LIMIT per client address within WINDOW_MINUTES
 * counted from the first failure. Beyond that an attempt is refused WITHOUT checking the password.
 *
 * Atomic by construction: an attempt first takes a slot with one upsert per counter that only
 * increments below the limit (the row lock serializes parallel attempts, so ten parallel wrong
 * guesses against a limit of five check five passwords). A success gives the slots back: the
 * account's counter is deleted, the address's decremented.
 */
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
export const WINDOW_MINUTES = 15;

export type Scope = 'account' | 'address';
const LIMITS: Record<Scope, number> = { account: ACCOUNT_LIMIT, address: ADDRESS_LIMIT };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type Refusal = ThrottleRefusal;

/** Takes one slot of the counter, or null when it is full (the window still running). */
async function takeSlot(tx: Parameters<Parameters<Db['transaction']>[0]>[0], scope: Scope, key: string): Promise<number | null> {
  const expired = sql`${signInAttempts.windowStartedAt} <= now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const rows = await tx
    .insert(signInAttempts)
    .values({ scope, key, failures: 1 })
    .onConflictDoUpdate({
      target: [signInAttempts.scope, signInAttempts.key],
      set: {
        failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${signInAttempts.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${expired} THEN now() ELSE ${signInAttempts.windowStartedAt} END`,
      },
      setWhere: sql`${expired} OR ${signInAttempts.failures} < ${LIMITS[scope]}`,
    })
    .returning({ failures: signInAttempts.failures });
  return rows[0]?.failures ?? null;
}

async function minutesLeft(db: Db, scope: Scope, key: string): Promise<number> {
  const [row] = await db
    .select({ seconds: sql<number>`extract(epoch from ${signInAttempts.windowStartedAt} + make_interval(mins => ${WINDOW_MINUTES}) - now())::float8` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.scope, scope), eq(signInAttempts.key, key)));
  return Math.max(1, Math.ceil(Number(row?.seconds ?? 60) / 60));
}

class Full extends Error {
  constructor(readonly scope: Scope) {
    super(scope);
  }
}

export interface Slots {
  account: string;
  address: string;
  failures: Record<Scope, number>;
}

/** Takes a slot on both counters (all or nothing), or says which one is full and for how long. */
export async function reserveAttempt(db: Db, email: string, address: string): Promise<Slots | Refusal> {
  const account = normalizeEmail(email);
  try {
    const failures = await db.transaction(async (tx) => {
      const a = await takeSlot(tx, 'account', account);
      if (a === null) throw new Full('account');
      const b = await takeSlot(tx, 'address', address);
      if (b === null) throw new Full('address');
      return { account: a, address: b };
    });
    return { account, address, failures };
  } catch (err) {
    if (!(err instanceof Full)) throw err;
    return { scope: err.scope, minutes: await minutesLeft(db, err.scope, err.scope === 'account' ? account : address) };
  }
}

/** After the password check: a success clears the account and returns the address's slot; a failure that filled a counter is audited. */
export async function settleAttempt(db: Db, slots: Slots, succeeded: boolean): Promise<void> {
  if (succeeded) {
    await db.transaction(async (tx) => {
      await tx.delete(signInAttempts).where(and(eq(signInAttempts.scope, 'account'), eq(signInAttempts.key, slots.account)));
      await tx
        .update(signInAttempts)
        .set({ failures: sql`greatest(${signInAttempts.failures} - 1, 0)` })
        .where(and(eq(signInAttempts.scope, 'address'), eq(signInAttempts.key, slots.address)));
    });
    return;
  }
  for (const scope of ['account', 'address'] as const) {
    if (slots.failures[scope] !== LIMITS[scope]) continue;
    await recordAudit(db, null, {
      action: 'auth.lockout',
      entityType: scope === 'account' ? 'sign_in_account' : 'sign_in_address',
      entityId: scope === 'account' ? slots.account : slots.address,
      after: { scope, failures: LIMITS[scope], windowMinutes: WINDOW_MINUTES, account: slots.account, address: slots.address },
    });
  }
}

export function isRefusal(r: Slots | Refusal): r is Refusal {
  return 'scope' in r;
}
