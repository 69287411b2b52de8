import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { statsFiltersSchema } from '@/lib/stats/filters';
import { getBySector } from '@/lib/stats/series';

export const GET = apiRoute(async (req) => {
  await requirePermission('dashboard:view');
  const filters = readSearchParams(req.url, statsFiltersSchema);
  return getBySector(await getDb(), filters);
});
