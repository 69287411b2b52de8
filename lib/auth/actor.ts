import { cache } from 'react';
import { headers } from 'next/headers';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens, operatorContacts } from '@/db/schema';
import { forbiddenError, unauthorized } from '@/lib/http/errors';
import { currentRequestHeaders } from '@/lib/http/request-context';
import { can, SCOPED_PERMISSIONS, type Permission, type Role } from './permissions';
import { readSessionClaims } from './session-cookie';
import { sessionUser } from './sessions';
import { hashTokenSecret, TOKEN_PREFIX } from './tokens';

/**
 * Who is acting: a signed-in user or an API token acting with a role. An operator's contact carries
 * the one operator its rows are scoped to (`operatorId`); staff and tokens have none (the whole office).
 */
export type Actor =
  | { kind: 'user'; id: number; role: Role; name: string; email: string; operatorId?: number }
  | { kind: 'token'; id: number; role: Role; name: string; operatorId?: undefined };

/** An actor whose every read and write is limited to one operator's rows (DESIGN §9). */
export type ScopedActor = Extract<Actor, { kind: 'user' }> & { operatorId: number };
export type ScopedPermission = 'portal:read' | 'portal:act';

async function actorFromBearer(authorization: string): Promise<Actor | null> {
  const secret = authorization.slice('bearer '.length).trim();
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const db = await getDb();
  // Whether its last use is older than a minute is read with the token, by the database's clock.
  const lastUseStale = or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`))!;
  const [token] = await db
    .select({ id: apiTokens.id, role: apiTokens.role, name: apiTokens.name, stale: sql<boolean>`${lastUseStale}` })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashTokenSecret(secret)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!token) return null;
  // Last use, to the minute: one cheap write at most per token per minute, and no statement at all
  // within the minute (a token's requests were two statements each, the second changing nothing).
  if (token.stale === true || String(token.stale) === 't') {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(and(eq(apiTokens.id, token.id), lastUseStale));
  }
  return { kind: 'token', id: token.id, role: token.role, name: token.name };
}

async function actorFromSession(requestHeaders: Headers): Promise<Actor | null> {
  // next-auth's cookie, decrypted once (lib/auth/session-cookie.ts); next-auth still signs in and out.
  const claims = await readSessionClaims(requestHeaders);
  if (!claims?.uid) return null;
  // The user row is read on every request: a disabled user, a bumped session version or a signed-out session stops at once.
  const user = await sessionUser(claims);
  if (!user) return null;
  if (user.role === 'operator_contact') {
    // A contact acts only within its operator; a contact row that is gone or not activated is no session.
    const db = await getDb();
    const [contact] = await db.select().from(operatorContacts).where(eq(operatorContacts.userId, user.id)).limit(1);
    if (!contact?.activatedAt) return null;
    return { kind: 'user', id: user.id, role: user.role, name: user.name, email: user.email, operatorId: contact.operatorId };
  }
  return { kind: 'user', id: user.id, role: user.role, name: user.name, email: user.email };
}

/** The current actor, once per request. A Bearer header, when present, is the only credential considered. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const requestHeaders = currentRequestHeaders() ?? (await headers());
  const authorization = requestHeaders.get('authorization');
  if (authorization && /^bearer\s/i.test(authorization)) return actorFromBearer(authorization);
  // No session cookie, no session: skip decoding (and keep route handlers callable outside Next).
  if (!/(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(requestHeaders.get('cookie') ?? '')) return null;
  return actorFromSession(requestHeaders);
});

/**
 * The one authorization helper: every page, route handler and server action starts with it. A
 * portal permission is granted only with its row scope: the actor it returns names the operator
 * every read and write of the caller is limited to (lib/auth/scope.ts builds the row conditions).
 */
export async function requirePermission(permission: ScopedPermission): Promise<ScopedActor>;
export async function requirePermission(permission: Permission): Promise<Actor>;
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw unauthorized();
  if (!can(actor.role, permission)) {
    throw forbiddenError(`The ${actor.role} role may not do this (needs ${permission}).`);
  }
  if (SCOPED_PERMISSIONS.has(permission) && (actor.kind !== 'user' || typeof actor.operatorId !== 'number')) {
    throw forbiddenError(`${permission} needs an operator's contact.`);
  }
  return actor;
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw unauthorized();
  return actor;
}
