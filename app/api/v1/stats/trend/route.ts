import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { cachedStat } from '@/lib/stats/cache';
import { statsFiltersSchema } from '@/lib/stats/filters';
import { getTrend } from '@/lib/stats/series';

export const GET = apiRoute(async (req) => {
  await requirePermission('dashboard:view');
  const filters = readSearchParams(req.url, statsFiltersSchema);
  return cachedStat('trend', getTrend, filters);
});
