import { z } from 'zod';
import { passwordProblem } from '@/lib/users/schemas';

/** How long an invitation's activation link works (DESIGN §9). */
export const ACTIVATION_DAYS = 7;

export const inviteContactSchema = z.object({
  name: z.string().trim().min(1, 'A name is required.').max(100, 'At most 100 characters.'),
  email: z.email('A valid email address is required.').trim().toLowerCase().max(200, 'At most 200 characters.'),
});
export type InviteContactInput = z.infer<typeof inviteContactSchema>;

export const updateContactSchema = z.object({
  disabled: z.boolean({ error: 'disabled must be true or false.' }),
});
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

/** The activation form: the link's token and a password under the same policy as staff passwords. */
export const activateSchema = z.object({
  token: z.string().trim().min(1, 'The activation token is required.').max(200, 'The activation token is at most 200 characters.'),
  password: z.string().max(200, 'At most 200 characters.'),
});
export type ActivateInput = z.infer<typeof activateSchema>;

export { passwordProblem };
