import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { subjectLinkInputSchema } from '@/lib/registry/schemas';
import { decideLink } from '@/lib/subjects/links';

/** Links a probable match as the same subject, or dismisses it: `{ otherSubjectId, verdict, reason? }`. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('registry:write');
  const id = idParam(params.id);
  const input = await readJson(req, subjectLinkInputSchema);
  const db = await getDb();
  const link = await db.transaction((tx) => decideLink(tx, actor, id, input));
  return Response.json({ link }, { status: 201 });
});
