import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { revokeApiToken } from '@/lib/tokens/commands';

/** Revokes a token: it stops working at once. */
export const DELETE = apiRoute<{ id: string }>(async (_req, params) => {
  const actor = await requirePermission('admin:tokens');
  return { token: await revokeApiToken(actor, idParam(params.id)) };
});
