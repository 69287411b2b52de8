import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { acknowledgeOrder } from '@/lib/portal/commands';

/** The contact acknowledges the order on an ordered or notified case (once per order). */
export const POST = apiRoute<{ id: string }>(async (_req, params) => {
  const actor = await requirePermission('portal:act');
  return Response.json({ action: await acknowledgeOrder(actor, idParam(params.id)) }, { status: 201 });
});
