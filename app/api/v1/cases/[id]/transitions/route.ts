import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { transitionBodySchema, transitionRequestFrom } from '@/lib/cases/schemas';
import { transitionCase } from '@/lib/cases/transition';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';

/** Moves one case up (or off) the ladder; a stale expectedRevision gets 409 and changes nothing. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('case:transition');
  const id = idParam(params.id);
  const body = await readJson(req, transitionBodySchema);
  const db = await getDb();
  const updated = await db.transaction((tx) => transitionCase(tx, actor, id, body.expectedRevision, transitionRequestFrom(body)));
  return { case: updated };
});
