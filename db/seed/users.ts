/** The demo accounts. Demo mode only: the start script prints these credentials. */
import { hash } from '@node-rs/argon2';
import { inArray, sql } from 'drizzle-orm';
import { operatorContacts, users } from '../schema';
import { queryRows, type Queryable } from '../client';

export type DemoRole = 'inspector' | 'supervisor' | 'admin';

export interface DemoUser {
  key: 'inspector' | 'supervisor' | 'supervisor2' | 'admin';
  email: string;
  name: string;
  role: DemoRole;
  password: string;
}

export const DEMO_PASSWORD = 'rectify-demo';

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'inspector', email: 'inspector@rectify.demo', name: '王敏', role: 'inspector', password: DEMO_PASSWORD },
  { key: 'supervisor', email: 'supervisor@rectify.demo', name: '李强', role: 'supervisor', password: DEMO_PASSWORD },
  { key: 'supervisor2', email: 'supervisor2@rectify.demo', name: '陈静', role: 'supervisor', password: DEMO_PASSWORD },
  { key: 'admin', email: 'admin@rectify.demo', name: '赵磊', role: 'admin', password: DEMO_PASSWORD },
];

export type DemoUserIds = Record<DemoUser['key'], number>;

/**
 * Creates the demo accounts that are missing (argon2id, as the sign-in verifies) and returns the id of
 * each. Existing accounts are left as they are, password included.
 */
export async function seedDemoUsers(db: Queryable, options: { createdAt?: Date } = {}): Promise<DemoUserIds> {
  const emails = DEMO_USERS.map((u) => u.email);
  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  const have = new Set(existing.map((r) => r.email));
  const missing = DEMO_USERS.filter((u) => !have.has(u.email));
  if (missing.length > 0) {
    // @node-rs/argon2 defaults to argon2id.
    const hashes = await Promise.all(missing.map((u) => hash(u.password)));
    await db
      .insert(users)
      .values(missing.map((u, i) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: hashes[i]!,
        ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      })))
      .onConflictDoNothing();
  }
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const ids = {} as DemoUserIds;
  for (const u of DEMO_USERS) {
    const id = byEmail.get(u.email);
    if (id === undefined) throw new Error(`demo user ${u.email} is missing`);
    ids[u.key] = id;
  }
  return ids;
}

/** The demo operator contact (DESIGN §9): signs in to /portal for the operator with the earliest ordered case. */
export const DEMO_CONTACT = { email: 'contact@rectify.demo', name: '周婷', password: DEMO_PASSWORD } as const;

/**
 * Creates the demo contact, already activated, for the operator of the earliest `ordered` case (the
 * portal then has an order to acknowledge). Returns its operator, or null when no case is ordered.
 */
export async function seedDemoContact(db: Queryable, invitedBy: number): Promise<number | null> {
  const [found] = await queryRows<{ operator_id: number }>(
    db,
    sql`SELECT s.operator_id FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.state = 'ordered' ORDER BY c.id LIMIT 1`,
  );
  const operatorId = found?.operator_id;
  if (operatorId === undefined) return null;
  const [user] = await db
    .insert(users)
    .values({ email: DEMO_CONTACT.email, name: DEMO_CONTACT.name, role: 'operator_contact', passwordHash: await hash(DEMO_CONTACT.password) })
    .onConflictDoNothing()
    .returning();
  if (!user) return null;
  await db.insert(operatorContacts).values({ userId: user.id, operatorId, invitedByUserId: invitedBy, activationHash: null, activationExpiresAt: sql`now()`, activatedAt: sql`now()` });
  return operatorId;
}
