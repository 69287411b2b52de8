import { randomUUID } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { revokedSessions, users } from '@/db/schema';

/**
 * Browser sessions (issue #13, finding 5). A session is a signed JWT cookie; signing out must end it
 * on the server too, or a copied cookie keeps working until it expires. So each session token carries
 * an id (`sid`) and its start (`sst`); signing out records the id in `revoked_sessions` (Postgres, so
 * every web copy sees it at once), and the per-request read of the user row refuses a revoked id.
 * A session lasts SESSION_MAX_AGE_SECONDS from its start, however often next-auth refreshes the
 * cookie, so a revocation row can be purged once its session would have ended anyway.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export interface SessionClaims {
  uid?: number;
  sv?: number;
  sid?: string;
  sst?: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The claims a new session starts with. */
export function newSessionClaims(): { sid: string; sst: number } {
  return { sid: randomUUID(), sst: nowSeconds() };
}

/** The signed-in user of a session, or null when it ended: expired, signed out, disabled, or its session version bumped. */
export async function sessionUser(claims: SessionClaims): Promise<typeof users.$inferSelect | null> {
  const { uid, sv, sid, sst } = claims;
  if (!uid || !sid || !sst || sst + SESSION_MAX_AGE_SECONDS <= nowSeconds()) return null;
  const db = await getDb();
  const [row] = await db
    .select({ user: users, revoked: sql<boolean>`exists (select 1 from ${revokedSessions} r where r.session_id = ${sid})` })
    .from(users)
    .where(eq(users.id, uid))
    .limit(1);
  if (!row || row.revoked || row.user.disabledAt || row.user.sessionVersion !== sv) return null;
  return row.user;
}

/** Ends a session on every web copy (next-auth's signOut event), and purges revocations whose sessions are over. */
export async function revokeSession(claims: SessionClaims): Promise<void> {
  const { uid, sid, sst } = claims;
  if (!uid || !sid || !sst) return;
  const db = await getDb();
  await db
    .insert(revokedSessions)
    .values({ sessionId: sid, userId: uid, expiresAt: new Date((sst + SESSION_MAX_AGE_SECONDS) * 1000) })
    .onConflictDoNothing();
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
}
