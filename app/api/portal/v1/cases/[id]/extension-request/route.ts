import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { requestExtension } from '@/lib/portal/commands';
import { extensionRequestSchema } from '@/lib/portal/schemas';

/** The contact asks for more time; a supervisor grants or refuses it. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('portal:act');
  const id = idParam(params.id);
  return Response.json({ action: await requestExtension(actor, id, await readJson(req, extensionRequestSchema)) }, { status: 201 });
});
