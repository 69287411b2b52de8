import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { decideRequest } from '@/lib/portal/decisions';
import { decisionSchema } from '@/lib/portal/schemas';

/** A supervisor decides a contact's request: grant or refuse more time; uphold the finding or withdraw the case. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('case:extend');
  const id = idParam(params.id);
  return { action: await decideRequest(actor, id, await readJson(req, decisionSchema)) };
});
