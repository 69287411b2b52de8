import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { statsFiltersSchema } from '@/lib/stats/filters';
import { getSummary } from '@/lib/stats/summary';

export const GET = apiRoute(async (req) => {
  await requirePermission('dashboard:view');
  const filters = readSearchParams(req.url, statsFiltersSchema);
  return getSummary(await getDb(), filters);
});
