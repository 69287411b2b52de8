import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { listCandidates } from '@/lib/notices/annex';
import { candidateQuerySchema } from '@/lib/notices/schemas';

/** Cases a notice of `kind` may list now, filtered by sector, campaign, region or name. */
export const GET = apiRoute(async (req) => {
  await requirePermission('notice:draft');
  const filters = readSearchParams(req.url, candidateQuerySchema);
  return { candidates: await listCandidates(await getDb(), filters) };
});
