import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { extendCase } from '@/lib/portal/commands';
import { extensionSchema } from '@/lib/portal/schemas';

/** A supervisor extends an ordered or notified case's deadline: the state stays, the extension is on the timeline. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('case:extend');
  const id = idParam(params.id);
  return Response.json({ extension: await extendCase(actor, id, await readJson(req, extensionSchema)) }, { status: 201 });
});
