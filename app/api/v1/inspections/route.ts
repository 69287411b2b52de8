import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson } from '@/lib/http/route';
import { createInspection } from '@/lib/inspections/create';
import { inspectionInputSchema } from '@/lib/inspections/schemas';

/** An inspection with its findings (evidence by the sha256 of files uploaded first); opens its case. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('inspection:write');
  const input = await readJson(req, inspectionInputSchema);
  const db = await getDb();
  const saved = await db.transaction((tx) => createInspection(tx, actor, input));
  return Response.json(saved, { status: 201 });
});
