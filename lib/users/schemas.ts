import { z } from 'zod';
import { STAFF_ROLES } from '@/lib/auth/permissions';

/** Password policy for created users: length, three character classes, not the email's user name. */
export function passwordProblem(password: string, email = ''): 'passwordPolicy' | 'passwordContainsEmail' | null {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < 12 || password.length > 200 || classes < 3) return 'passwordPolicy';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) return 'passwordContainsEmail';
  return null;
}

export const PASSWORD_MESSAGES = {
  passwordPolicy: 'At least 12 characters, with three of: upper case, lower case, digits, symbols.',
  passwordContainsEmail: "The password must not contain the email's user name.",
} as const;

export const createUserSchema = z
  .object({
    email: z.email('A valid email address is required.').trim().toLowerCase().max(200),
    name: z.string().trim().min(1, 'A name is required.').max(100),
    role: z.enum(STAFF_ROLES, { error: `One of: ${STAFF_ROLES.join(', ')}.` }),
    password: z.string().max(200),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_MESSAGES[problem], params: { i18n: problem } });
  });

export const updateUserSchema = z
  .object({
    role: z.enum(STAFF_ROLES, { error: `One of: ${STAFF_ROLES.join(', ')}.` }).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: 'Give a role or disabled.', path: ['role'] });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
