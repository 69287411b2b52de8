import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { listCandidates } from '@/lib/notices/annex';
import { candidateQuerySchema } from '@/lib/notices/schemas';

/** Cases a notice of `kind` may list now, filtered by sector, campaign, region or name: one page, the total and the next cursor. */
export const GET = apiRoute(async (req) => {
  await requirePermission('notice:draft');
  const { cursor, limit, ...filters } = readSearchParams(req.url, candidateQuerySchema);
  return listCandidates(await getDb(), filters, { cursor, limit });
});
