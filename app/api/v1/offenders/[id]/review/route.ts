import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { reviewFlag } from '@/lib/offenders/review';
import { reviewBodySchema } from '@/lib/offenders/schemas';

/** A supervisor confirms (with an escalation) or dismisses (with a reason) an open flag; audited. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('offender:review');
  const id = idParam(params.id);
  const body = await readJson(req, reviewBodySchema);
  const db = await getDb();
  const flag = await db.transaction((tx) => reviewFlag(tx, actor, id, body));
  return { flag };
});
