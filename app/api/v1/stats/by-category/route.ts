import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { cachedStat } from '@/lib/stats/cache';
import { statsFiltersSchema } from '@/lib/stats/filters';
import { getByCategory } from '@/lib/stats/series';

export const GET = apiRoute(async (req) => {
  await requirePermission('dashboard:view');
  const filters = readSearchParams(req.url, statsFiltersSchema);
  return cachedStat('by-category', getByCategory, filters);
});
