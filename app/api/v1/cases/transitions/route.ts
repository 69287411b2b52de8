import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { bulkTransitionBodySchema, transitionRequestFrom } from '@/lib/cases/schemas';
import { transitionCases } from '@/lib/cases/transition';
import { apiRoute, readJson } from '@/lib/http/route';

/** Moves many cases at once, all or nothing; the error names every refused case and why. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('case:transition');
  const body = await readJson(req, bulkTransitionBodySchema);
  const db = await getDb();
  const items = body.ids.map((caseId) => ({ caseId, expectedRevision: body.expectedRevisions?.[String(caseId)] }));
  const updated = await db.transaction((tx) => transitionCases(tx, actor, items, transitionRequestFrom(body)));
  return { cases: updated };
});
