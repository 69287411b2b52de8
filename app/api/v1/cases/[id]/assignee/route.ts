import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { assignCase, assigneeBodySchema } from '@/lib/cases/assignment';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';

/** Assigns a case to an inspector or supervisor (`{ userId }`), or unassigns it (`{ userId: null }`). */
export const PUT = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('case:assign');
  const id = idParam(params.id);
  const { userId } = await readJson(req, assigneeBodySchema);
  const db = await getDb();
  const { caseId, assignee } = await db.transaction((tx) => assignCase(tx, actor, id, userId));
  return { caseId, assignee };
});
