import { z } from 'zod';
import { STAFF_ROLES } from '@/lib/auth/permissions';

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'A name is required (e.g. the testing platform).').max(100),
  role: z.enum(STAFF_ROLES, { error: `One of: ${STAFF_ROLES.join(', ')}.` }),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
