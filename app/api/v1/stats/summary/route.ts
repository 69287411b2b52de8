import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { cachedStat } from '@/lib/stats/cache';
import { statsFiltersSchema } from '@/lib/stats/filters';
import { getSummary } from '@/lib/stats/summary';

export const GET = apiRoute(async (req) => {
  await requirePermission('dashboard:view');
  const filters = readSearchParams(req.url, statsFiltersSchema);
  return cachedStat('summary', getSummary, filters);
});
