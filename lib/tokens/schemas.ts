import { z } from 'zod';
import { roleEnum } from '@/db/schema/enums';

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'A name is required (e.g. the testing platform).').max(100),
  role: z.enum(roleEnum.enumValues, { error: `One of: ${roleEnum.enumValues.join(', ')}.` }),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
