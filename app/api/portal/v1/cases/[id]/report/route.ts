import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { reportFix } from '@/lib/portal/commands';
import { reportBodySchema } from '@/lib/portal/schemas';

/** The contact reports the fix: the case moves to rectified through the ladder, with the contact as the actor. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('portal:act');
  const id = idParam(params.id);
  return Response.json(await reportFix(actor, id, await readJson(req, reportBodySchema)), { status: 201 });
});
