import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson } from '@/lib/http/route';
import { createUser } from '@/lib/users/commands';
import { listUsers } from '@/lib/users/queries';
import { createUserSchema } from '@/lib/users/schemas';

export const GET = apiRoute(async () => {
  await requirePermission('admin:users');
  return { items: await listUsers() };
});

export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('admin:users');
  const user = await createUser(actor, await readJson(req, createUserSchema));
  return Response.json({ user }, { status: 201 });
});
