import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { listPortalCases } from '@/lib/portal/read';
import { portalCaseListQuerySchema } from '@/lib/portal/schemas';

/** The contact's operator's cases, open work first, a cursor page at a time with the totals. */
export const GET = apiRoute(async (req) => {
  const actor = await requirePermission('portal:read');
  const query = readSearchParams(req.url, portalCaseListQuerySchema);
  return listPortalCases(await getDb(), actor, query);
});
