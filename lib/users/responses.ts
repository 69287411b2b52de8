import { users } from '@/db/schema';
import { rowSchema } from '@/lib/openapi/rows';

/** What the user routes answer, beside their request schemas (./schemas.ts). */
export const userRow = rowSchema(users, { pick: ['id', 'email', 'name', 'role', 'disabledAt', 'lastSignInAt', 'createdAt'] });
