import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS } from '@/lib/auth/permissions';

/** GET /api/v1/users/me: who is asking. A token is not a user: it has no email and no cases of its own. */
export const meSchema = z.object({
  kind: z.enum(['user', 'token']),
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export function describeActor(actor: Actor): z.infer<typeof meSchema> {
  return {
    kind: actor.kind,
    id: actor.id,
    name: actor.name,
    email: actor.kind === 'user' ? actor.email : null,
    role: actor.role,
    permissions: PERMISSIONS.filter((p) => ROLE_PERMISSIONS[actor.role].has(p)),
  };
}
