import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { getSubjectDetail } from '@/lib/registry/subject-detail';
import { listLinks } from '@/lib/subjects/links';
import { probableMatchesForSubject } from '@/lib/subjects/matching';

/** A subject: identifiers, name history, listings, its cases, evidence, links and probable matches. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('registry:read');
  const id = idParam(params.id);
  const db = await getDb();
  const detail = await getSubjectDetail(db, id);
  const [links, probableMatches] = await Promise.all([listLinks(db, id), probableMatchesForSubject(db, id)]);
  return { ...detail, links, probableMatches };
});
