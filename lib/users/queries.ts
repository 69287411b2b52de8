import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { publicUser, type PublicUser } from './commands';

/** Every user (an office has tens, not thousands), by role then name. */
export async function listUsers(): Promise<PublicUser[]> {
  const db = await getDb();
  return (await db.select().from(users).orderBy(asc(users.role), asc(users.name))).map(publicUser);
}
