import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { cachedStat } from '@/lib/stats/cache';
import { statsFiltersSchema } from '@/lib/stats/filters';
import { getBreakdown } from '@/lib/stats/breakdown';

export const GET = apiRoute(async (req) => {
  await requirePermission('dashboard:view');
  const filters = readSearchParams(req.url, statsFiltersSchema);
  return cachedStat('breakdown', getBreakdown, filters);
});
