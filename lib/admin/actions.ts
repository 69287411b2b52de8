'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, idInput } from '@/lib/actions/define';
import { updateRule } from '@/lib/offenders/rules-admin';
import { ruleParamSchema, ruleUpdateSchema } from '@/lib/offenders/schemas';
import { defaultDeadlineSchema, officeNameSchema, setDefaultDeadlineDays, setOfficeName } from '@/lib/settings';
import * as tokens from '@/lib/tokens/commands';
import { createTokenSchema } from '@/lib/tokens/schemas';
import * as users from '@/lib/users/commands';
import { createUserSchema, updateUserSchema } from '@/lib/users/schemas';

/** The admin's users form: the same schema and command as POST /api/v1/users. */
export const createUser = defineAction({
  name: 'createUser',
  permission: 'admin:users',
  schema: createUserSchema,
  transaction: 'own',
  run: ({ actor, input }) => users.createUser(actor, input),
  after: () => revalidatePath('/admin/users'),
});

/** A user's row: role, disabling, a new password; PATCH /api/v1/users/{id}'s schema. */
export const updateUser = defineAction({
  name: 'updateUser',
  permission: 'admin:users',
  target: { id: idInput },
  schema: updateUserSchema,
  transaction: 'own',
  run: ({ actor, input: { id, ...rest } }) => users.updateUser(actor, id, rest),
  after: () => revalidatePath('/admin/users'),
});

/** POST /api/v1/tokens's schema; the secret is shown once. */
export const createToken = defineAction({
  name: 'createToken',
  permission: 'admin:tokens',
  schema: createTokenSchema,
  transaction: 'own',
  run: ({ actor, input }) => tokens.createApiToken(actor, input),
  after: () => revalidatePath('/admin/tokens'),
});

export const revokeToken = defineAction({
  name: 'revokeToken',
  permission: 'admin:tokens',
  schema: z.object({ id: idInput }),
  transaction: 'own',
  run: async ({ actor, input }) => {
    await tokens.revokeApiToken(actor, input.id);
  },
  after: () => revalidatePath('/admin/tokens'),
});

/** The admin form's twin of PUT /api/v1/settings/default-deadline. */
export const setDefaultDeadline = defineAction({
  name: 'setDefaultDeadline',
  permission: 'admin:settings',
  schema: defaultDeadlineSchema,
  fromForm: (form) => ({ days: form.get('days') || undefined }),
  run: ({ actor, input, tx }) => setDefaultDeadlineDays(tx, actor, input.days),
});

/** Names the office printed at the head of its documents. */
export const setOfficeNames = defineAction({
  name: 'setOfficeNames',
  permission: 'admin:settings',
  schema: officeNameSchema,
  fromForm: (form) => ({ nameZh: form.get('nameZh') ?? undefined, nameEn: form.get('nameEn') ?? undefined }),
  run: ({ actor, input, tx }) => setOfficeName(tx, actor, input),
});

/** The rules form: the same schema and command as PUT /api/v1/offender-rules/{rule}. */
export const updateOffenderRule = defineAction({
  name: 'updateOffenderRule',
  permission: 'admin:rules',
  target: { rule: ruleParamSchema },
  schema: ruleUpdateSchema,
  fromForm: (form) => ({ rule: form.get('rule'), threshold: form.get('threshold'), windowMonths: form.get('windowMonths'), enabled: form.get('enabled') ?? 'false' }),
  run: async ({ actor, input: { rule, ...rest }, tx }) => {
    await updateRule(tx, actor, rule, rest);
    return true as const;
  },
  after: () => revalidatePath('/admin/rules'),
});
