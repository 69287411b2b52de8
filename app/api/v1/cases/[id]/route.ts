import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { getCaseDetail } from '@/lib/cases/detail';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';

/** One case with its subject, operator, inspection, findings and evidence, events, re-tests, takedowns and links. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('case:read');
  const id = idParam(params.id);
  return getCaseDetail(await getDb(), id);
});
