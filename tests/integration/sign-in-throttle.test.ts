import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hash } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { auditEvents, signInAttempts, users } from '../../db/schema';
import { signInWithPassword } from '../../lib/auth/sign-in';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, WINDOW_MINUTES } from '../../lib/auth/throttle';
import { authOptions } from '../../lib/auth/options';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';

const PASSWORD = 'Correct-Horse-9-Battery';
let n = 0;

async function makeAccount(): Promise<string> {
  const db = await getDb();
  const email = `throttle${++n}@rectify.test`;
  await db.insert(users).values({ email, name: 'Throttled', role: 'inspector', passwordHash: await hash(PASSWORD) });
  return email;
}

const lockouts = async (entityId: string) => {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.lockout'), eq(auditEvents.entityId, entityId)));
};

beforeAll(setupTestDatabase);
afterAll(teardownTestDatabase);

describe('sign-in throttling', () => {
  it(`refuses the account after ${ACCOUNT_LIMIT} failures without checking the password, and audits the lockout once`, async () => {
    const email = await makeAccount();
    for (let i = 0; i < ACCOUNT_LIMIT; i++) expect(await signInWithPassword(email, 'wrong', '10.0.0.1')).toEqual({ ok: false });
    const refused = await signInWithPassword(email.toUpperCase(), PASSWORD, '10.0.0.2'); // the right password, another address
    expect(refused).toEqual({ ok: false, refused: { scope: 'account', minutes: WINDOW_MINUTES } });
    expect(await lockouts(email)).toHaveLength(1);
  });

  it('a success clears the account counter; successes never count', async () => {
    const email = await makeAccount();
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await signInWithPassword(email, 'wrong', '10.0.1.1');
    expect((await signInWithPassword(` ${email} `, PASSWORD, '10.0.1.1')).ok).toBe(true);
    const db = await getDb();
    expect(await db.select().from(signInAttempts).where(and(eq(signInAttempts.scope, 'account'), eq(signInAttempts.key, email)))).toEqual([]);
    for (let i = 0; i < ACCOUNT_LIMIT + 3; i++) expect((await signInWithPassword(email, PASSWORD, '10.0.1.1')).ok).toBe(true);
    // The address kept only the four failures: the successes gave their slots back.
    const [address] = await db.select().from(signInAttempts).where(and(eq(signInAttempts.scope, 'address'), eq(signInAttempts.key, '10.0.1.1')));
    expect(address!.failures).toBe(ACCOUNT_LIMIT - 1);
  });

  it('ten parallel wrong guesses check the password at most five times', async () => {
    const email = await makeAccount();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => signInWithPassword(email, 'wrong', '10.0.2.1')));
    expect(outcomes.filter((o) => !o.ok && !o.refused)).toHaveLength(ACCOUNT_LIMIT);
    expect(outcomes.filter((o) => !o.ok && o.refused?.scope === 'account')).toHaveLength(10 - ACCOUNT_LIMIT);
    expect(await lockouts(email)).toHaveLength(1);
  });

  it(`limits an address to ${ADDRESS_LIMIT} failures across accounts (unknown emails count too)`, async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++) expect(await signInWithPassword(`nobody${i}@rectify.test`, 'guess', '10.0.3.1')).toEqual({ ok: false });
    const email = await makeAccount();
    const refused = await signInWithPassword(email, PASSWORD, '10.0.3.1');
    expect(refused).toMatchObject({ ok: false, refused: { scope: 'address' } });
    // The refused attempt took no slot from the account, and another address still signs in.
    expect((await signInWithPassword(email, PASSWORD, '10.0.3.2')).ok).toBe(true);
    expect(await lockouts('10.0.3.1')).toHaveLength(1);
  });

  it('opens again once the window has passed', async () => {
    const email = await makeAccount();
    for (let i = 0; i < ACCOUNT_LIMIT; i++) await signInWithPassword(email, 'wrong', '10.0.4.1');
    expect((await signInWithPassword(email, PASSWORD, '10.0.4.1')).ok).toBe(false);
    const db = await getDb();
    await db.update(signInAttempts).set({ windowStartedAt: sql`now() - make_interval(mins => ${WINDOW_MINUTES + 1})` }).where(eq(signInAttempts.key, email));
    expect((await signInWithPassword(email, PASSWORD, '10.0.4.1')).ok).toBe(true);
  });

  it('next-auth authorize throws the throttled message the sign-in page words, and never takes the address from headers a client can forge', async () => {
    const email = await makeAccount();
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    const req = { headers: { 'x-forwarded-for': '10.0.5.1' } };
    for (let i = 0; i < ACCOUNT_LIMIT; i++) expect(await provider.options.authorize({ email, password: 'wrong' }, req)).toBeNull();
    await expect(provider.options.authorize({ email, password: PASSWORD }, req)).rejects.toThrow(/^throttled:account:\d+$/);
    const db = await getDb();
    expect(await db.select().from(signInAttempts).where(eq(signInAttempts.key, '10.0.5.1'))).toEqual([]);
  });

  it('a wrong password takes as long for an unknown or disabled account as for a real one (finding 6: no enumeration by timing)', async () => {
    const db = await getDb();
    const ROUNDS = 40;
    const real = await Promise.all(Array.from({ length: ROUNDS / 4 }, makeAccount));
    const disabled = await Promise.all(Array.from({ length: ROUNDS / 4 }, makeAccount));
    for (const email of disabled) await db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, email));
    const times: Record<'real' | 'unknown' | 'disabled', number[]> = { real: [], unknown: [], disabled: [] };
    const time = async (kind: keyof typeof times, email: string, round: number) => {
      const started = performance.now();
      expect(await signInWithPassword(email, 'Wrong-Guess-1', `10.6.${round}.${kind.length}`)).toEqual({ ok: false });
      times[kind].push(performance.now() - started);
    };
    // Interleaved, so a busy machine slows every kind alike; each account stays under its limit (4 tries of 5).
    for (let round = 0; round < ROUNDS; round++) {
      await time('real', real[round % real.length]!, round);
      await time('unknown', `nobody-${round}-${n}@rectify.test`, round);
      await time('disabled', disabled[round % disabled.length]!, round);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const medians = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
    const ratio = Math.max(...Object.values(medians)) / Math.min(...Object.values(medians));
    expect(ratio, `median ms per kind: ${JSON.stringify(medians)}`).toBeLessThan(1.5);
  });
});
