import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { addComment, commentBodySchema, commentListSchema, listComments } from '@/lib/cases/comments';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson, readSearchParams } from '@/lib/http/route';

/** A case's internal comments, oldest first (staff only; never public, never shown to an operator's contact). */
export const GET = apiRoute<{ id: string }>(async (req, params) => {
  await requirePermission('case:read');
  const id = idParam(params.id);
  const page = readSearchParams(req.url, commentListSchema);
  return listComments(await getDb(), id, page);
});

/** Adds an internal comment (`{ body }`), audited. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('case:comment');
  const id = idParam(params.id);
  const { body } = await readJson(req, commentBodySchema);
  const db = await getDb();
  const comment = await db.transaction((tx) => addComment(tx, actor, id, body));
  return Response.json({ comment }, { status: 201 });
});
