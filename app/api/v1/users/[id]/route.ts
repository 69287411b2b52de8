import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { updateUser } from '@/lib/users/commands';
import { updateUserSchema } from '@/lib/users/schemas';

/** Changes a user's role, or disables (their sessions stop at once) or re-enables them. */
export const PATCH = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('admin:users');
  const id = idParam(params.id);
  return { user: await updateUser(actor, id, await readJson(req, updateUserSchema)) };
});
