import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { getOperatorOrThrow } from '@/lib/registry/operators';
import { listSubjects } from '@/lib/registry/subject-list';
import { subjectListQuerySchema } from '@/lib/registry/list-schemas';

/** An operator with its subjects (first 200, each with its latest case state). */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('registry:read');
  const id = idParam(params.id);
  const db = await getDb();
  const operator = await getOperatorOrThrow(db, id);
  const subjects = await listSubjects(db, subjectListQuerySchema.parse({ operator: String(id), limit: '200', sort: 'name' }));
  return { operator, subjects: subjects.items, moreSubjects: subjects.nextCursor !== null };
});
