import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { getDb } from '@/db/client';
import { operatorContacts, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { HttpError, notFound, unprocessable } from '@/lib/http/errors';
import { getOperatorOrThrow } from '@/lib/registry/operators';
import { PASSWORD_MESSAGES, passwordProblem } from '@/lib/users/schemas';
import { ACTIVATION_DAYS, type ActivateInput, type InviteContactInput, type UpdateContactInput } from './contact-schemas';
import type { ContactStatus, ContactView } from './responses';

export type { ContactStatus, ContactView };

/** The activation secret is kept only as this hash (SHA-256 of the token in the link). */
export const activationHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const ACTIVATE_PATH = '/portal/activate?token=';

function statusOf(row: { disabledAt: Date | null; activatedAt: Date | null; activationExpiresAt: Date }, now = new Date()): ContactStatus {
  if (row.disabledAt) return 'disabled';
  if (row.activatedAt) return 'active';
  return row.activationExpiresAt <= now ? 'expired' : 'invited';
}

const contactColumns = {
  id: users.id,
  operatorId: operatorContacts.operatorId,
  name: users.name,
  email: users.email,
  invitedAt: operatorContacts.createdAt,
  activationExpiresAt: operatorContacts.activationExpiresAt,
  activatedAt: operatorContacts.activatedAt,
  lastSignInAt: users.lastSignInAt,
  disabledAt: users.disabledAt,
};

/** An operator's contacts, by name (an operator has a handful). */
export async function listContacts(db: Queryable, operatorId: number): Promise<ContactView[]> {
  const rows = await db
    .select(contactColumns)
    .from(operatorContacts)
    .innerJoin(users, eq(users.id, operatorContacts.userId))
    .where(eq(operatorContacts.operatorId, operatorId))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => ({ ...r, status: statusOf(r) }));
}

/**
 * Invites a contact for an operator (DESIGN §9): a user with the role `operator_contact` that cannot
 * sign in yet (its password is a random secret nobody knows) and a one-time activation link, valid
 * ACTIVATION_DAYS days, returned once and kept only as a hash.
 */
export async function inviteContact(actor: Actor, operatorId: number, input: InviteContactInput): Promise<{ contact: ContactView; activationPath: string }> {
  const token = randomBytes(32).toString('base64url');
  const placeholder = await hash(randomBytes(32).toString('base64url'));
  const db = await getDb();
  return db.transaction(async (tx) => {
    await getOperatorOrThrow(tx, operatorId);
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: 'operator_contact', passwordHash: placeholder })
      .returning();
    const [contact] = await tx
      .insert(operatorContacts)
      .values({
        userId: user!.id,
        operatorId,
        invitedByUserId: actor.kind === 'user' ? actor.id : null,
        invitedByTokenId: actor.kind === 'token' ? actor.id : null,
        activationHash: activationHash(token),
        activationExpiresAt: sql`now() + make_interval(days => ${ACTIVATION_DAYS})`,
      })
      .returning();
    const view: ContactView = {
      id: user!.id, operatorId, name: user!.name, email: user!.email, invitedAt: contact!.createdAt,
      activationExpiresAt: contact!.activationExpiresAt, activatedAt: null, lastSignInAt: null, disabledAt: null, status: 'invited',
    };
    await recordAudit(tx, actor, { action: 'contact.invite', entityType: 'operator', entityId: operatorId, after: { contact: view } });
    return { contact: view, activationPath: `${ACTIVATE_PATH}${token}` };
  });
}

/** Disables a contact (its sessions stop at their next request) or enables it again. */
export async function updateContact(actor: Actor, operatorId: number, contactId: number, input: UpdateContactInput): Promise<ContactView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(contactColumns)
      .from(operatorContacts)
      .innerJoin(users, eq(users.id, operatorContacts.userId))
      .where(and(eq(operatorContacts.userId, contactId), eq(operatorContacts.operatorId, operatorId)))
      .for('update');
    if (!before) throw notFound('Contact', contactId);
    const [after] = await tx
      .update(users)
      .set({
        disabledAt: input.disabled ? sql`coalesce(${users.disabledAt}, now())` : null,
        ...(input.disabled ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, contactId))
      .returning();
    const view: ContactView = { ...before, disabledAt: after!.disabledAt, status: 'active' };
    view.status = statusOf(view);
    await recordAudit(tx, actor, {
      action: input.disabled ? 'contact.disable' : 'contact.enable',
      entityType: 'operator',
      entityId: operatorId,
      before: { contact: { ...before, status: statusOf(before) } },
      after: { contact: view },
    });
    return view;
  });
}

/**
 * Sets a contact's password from its activation link: the link works once, for ACTIVATION_DAYS days;
 * the password follows the staff policy. The contact then signs in through the one sign-in.
 */
export async function activateContact(input: ActivateInput): Promise<{ email: string }> {
  const db = await getDb();
  const found = await db
    .select({ userId: operatorContacts.userId, email: users.email, expired: sql<boolean>`${operatorContacts.activationExpiresAt} <= now()` })
    .from(operatorContacts)
    .innerJoin(users, eq(users.id, operatorContacts.userId))
    .where(eq(operatorContacts.activationHash, activationHash(input.token)))
    .limit(1);
  const row = found[0];
  if (!row) throw new HttpError(404, 'not_found', 'This activation link is unknown or was already used.', { token: 'unknown or already used' });
  if (row.expired) throw unprocessable(`This activation link expired (links work for ${ACTIVATION_DAYS} days); ask the office for a new invitation.`, { token: 'expired' });
  const problem = passwordProblem(input.password, row.email);
  if (problem) throw new z.ZodError([{ code: 'custom', path: ['password'], message: PASSWORD_MESSAGES[problem], params: { i18n: problem }, input: undefined }]);
  const passwordHash = await hash(input.password);
  return db.transaction(async (tx) => {
    // The hash is cleared in the same statement that checks it: two uses at once, one wins.
    const [used] = await tx
      .update(operatorContacts)
      .set({ activationHash: null, activatedAt: sql`now()` })
      .where(and(eq(operatorContacts.userId, row.userId), eq(operatorContacts.activationHash, activationHash(input.token))))
      .returning();
    if (!used) throw new HttpError(404, 'not_found', 'This activation link is unknown or was already used.', { token: 'unknown or already used' });
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, row.userId))
      .returning();
    const self: Actor = { kind: 'user', id: user!.id, role: user!.role, name: user!.name, email: user!.email, operatorId: used.operatorId };
    await recordAudit(tx, self, { action: 'contact.activate', entityType: 'operator', entityId: used.operatorId, after: { contact: { id: user!.id, activatedAt: used.activatedAt } } });
    return { email: user!.email };
  });
}
