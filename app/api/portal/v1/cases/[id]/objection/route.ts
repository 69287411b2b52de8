import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { objectToFinding } from '@/lib/portal/commands';
import { objectionSchema } from '@/lib/portal/schemas';

/** The contact objects to a finding; a supervisor upholds the finding or withdraws the case. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('portal:act');
  const id = idParam(params.id);
  return Response.json({ action: await objectToFinding(actor, id, await readJson(req, objectionSchema)) }, { status: 201 });
});
