import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { listRegions } from '@/lib/regions/queries';
import { regionListQuerySchema } from '@/lib/regions/schemas';

/** GB/T 2260 divisions: `parent=` its children, `q=` a name search, neither: the provinces. */
export const GET = apiRoute(async (req) => {
  await requirePermission('registry:read');
  return listRegions(await getDb(), readSearchParams(req.url, regionListQuerySchema));
});
