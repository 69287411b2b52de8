import { asc, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { publicUser, type PublicUser } from './commands';

/** Every staff user (an office has tens, not thousands), by role then name; operators' contacts are on their operator's page. */
export async function listUsers(): Promise<PublicUser[]> {
  const db = await getDb();
  return (await db.select().from(users).where(ne(users.role, 'operator_contact')).orderBy(asc(users.role), asc(users.name))).map(publicUser);
}
