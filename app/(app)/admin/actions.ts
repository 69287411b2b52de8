'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/actor';
import { runAction } from '@/lib/actions/result';
import { createApiToken, revokeApiToken } from '@/lib/tokens/commands';
import { createTokenSchema } from '@/lib/tokens/schemas';
import { createUser, updateUser } from '@/lib/users/commands';
import { createUserSchema, updateUserSchema } from '@/lib/users/schemas';

export async function createUserAction(input: unknown) {
  return runAction(async () => {
    const actor = await requirePermission('admin:users');
    const user = await createUser(actor, createUserSchema.parse(input));
    revalidatePath('/admin/users');
    return user;
  });
}

export async function updateUserAction(id: number, input: unknown) {
  return runAction(async () => {
    const actor = await requirePermission('admin:users');
    const user = await updateUser(actor, id, updateUserSchema.parse(input));
    revalidatePath('/admin/users');
    return user;
  });
}

export async function createTokenAction(input: unknown) {
  return runAction(async () => {
    const actor = await requirePermission('admin:tokens');
    const created = await createApiToken(actor, createTokenSchema.parse(input));
    revalidatePath('/admin/tokens');
    return created;
  });
}

export async function revokeTokenAction(id: number) {
  return runAction(async () => {
    const actor = await requirePermission('admin:tokens');
    await revokeApiToken(actor, id);
    revalidatePath('/admin/tokens');
  });
}
