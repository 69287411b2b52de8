import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/route';
import { listPortalCases } from '@/lib/portal/read';

/** The contact's operator's cases (at most 500), open work first. */
export const GET = apiRoute(async () => {
  const actor = await requirePermission('portal:read');
  return { items: await listPortalCases(await getDb(), actor) };
});
