/**
 * Builders for repeat-offender scenarios: put a case in a given state at a given time (the ladder
 * itself is tested elsewhere; here only the facts the rules read matter), and read flags back.
 */
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { cases, offenderFlags, storeListings } from '../../db/schema';
import type { FlagRule } from '../../lib/offenders/types';

type State = (typeof cases.$inferSelect)['state'];

/** Sets a case's state as the ladder would have left it; `at` is when it got there (ISO timestamp). */
export async function setCaseState(id: number, state: State, at = new Date().toISOString()) {
  const db = await getDb();
  const closed = state === 'verified' || state === 'reinstated' || state === 'withdrawn';
  await db
    .update(cases)
    .set({
      state,
      deadline: state === 'ordered' || state === 'notified' ? '2026-01-01' : sql`${cases.deadline}`,
      closedAt: closed ? new Date(at) : null,
      firstRemovedAt: state === 'removed' || state === 'reinstated' ? new Date(at) : sql`${cases.firstRemovedAt}`,
      updatedAt: new Date(at),
    })
    .where(eq(cases.id, id));
}

export async function listStore(subjectId: number, store = 'huawei', seenOn = '2026-06-01') {
  const db = await getDb();
  await db.insert(storeListings).values({ subjectId, store, seenOn });
}

export async function flagsOf(rule: FlagRule) {
  const db = await getDb();
  return db.select().from(offenderFlags).where(eq(offenderFlags.rule, rule)).orderBy(offenderFlags.id);
}

export async function flagFor(rule: FlagRule, targetKey: string) {
  const db = await getDb();
  const [f] = await db.select().from(offenderFlags).where(and(eq(offenderFlags.rule, rule), eq(offenderFlags.targetKey, targetKey)));
  return f;
}
