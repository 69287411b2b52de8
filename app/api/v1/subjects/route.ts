import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { identifierMatchValue } from '@/lib/domain/identifiers';
import { apiRoute, readJson, readSearchParams } from '@/lib/http/route';
import { subjectListQuerySchema } from '@/lib/registry/list-schemas';
import { createSubject } from '@/lib/registry/subject-commands';
import { listSubjects } from '@/lib/registry/subject-list';
import { subjectInputSchema } from '@/lib/registry/schemas';
import { findProbableMatches } from '@/lib/subjects/matching';

/** Subjects with filters and sort; `q` searches current and former names and every identifier. */
export const GET = apiRoute(async (req) => {
  await requirePermission('registry:read');
  const query = readSearchParams(req.url, subjectListQuerySchema);
  return listSubjects(await getDb(), query);
});

/** Registers a subject and answers with the subjects it is probably the same as. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('registry:write');
  const input = await readJson(req, subjectInputSchema);
  const db = await getDb();
  const subject = await db.transaction((tx) => createSubject(tx, actor, input));
  const probableMatches = await findProbableMatches(db, {
    subjectId: subject.id,
    operatorId: subject.operatorId,
    name: subject.name,
    identifiers: input.identifiers.map((i) => ({ type: i.type, matchValue: identifierMatchValue(i.type, i.value) })),
  });
  return Response.json({ subject, probableMatches }, { status: 201 });
});
