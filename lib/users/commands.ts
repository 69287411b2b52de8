import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { notFound, unprocessable } from '@/lib/http/errors';
import type { CreateUserInput, UpdateUserInput } from './schemas';

export type PublicUser = Omit<typeof users.$inferSelect, 'passwordHash' | 'sessionVersion'>;

export function publicUser(u: typeof users.$inferSelect): PublicUser {
  const { passwordHash: _hash, sessionVersion: _sv, ...rest } = u;
  return rest;
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<PublicUser> {
  const passwordHash = await hash(input.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash }).returning();
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: user!.id, after: publicUser(user!) });
    return publicUser(user!);
  });
}

/**
 * Changes a user's role or disables / re-enables them. Disabling bumps the session version, so the
 * user's open sessions stop working on their next request.
 */
export async function updateUser(actor: Actor, id: number, input: UpdateUserInput): Promise<PublicUser> {
  if (actor.kind === 'user' && actor.id === id && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw unprocessable('You cannot disable yourself or give up your own administrator role.', { role: 'Ask another administrator.' });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound('User', id);
    if (before.role === 'operator_contact') throw unprocessable("An operator's contact is managed on its operator's page.", { role: 'Disable the contact on its operator\'s page.' });
    const [after] = await tx
      .update(users)
      .set({
        ...(input.role ? { role: input.role } : {}),
        ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? sql`coalesce(${users.disabledAt}, now())` : null }),
        ...(input.disabled || (input.role && input.role !== before.role) ? { sessionVersion: before.sessionVersion + 1 } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, actor, { action: input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update', entityType: 'user', entityId: id, before: publicUser(before), after: publicUser(after!) });
    return publicUser(after!);
  });
}
