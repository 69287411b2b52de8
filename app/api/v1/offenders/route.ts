import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { listFlags } from '@/lib/offenders/queries';
import { flagFiltersSchema } from '@/lib/offenders/schemas';

/** The repeat-offender flags, heaviest first; filters rule, status, sector, region, campaign, operator; cursor pagination. */
export const GET = apiRoute(async (req) => {
  await requirePermission('offender:read');
  const filters = readSearchParams(req.url, flagFiltersSchema);
  return listFlags(await getDb(), filters);
});
