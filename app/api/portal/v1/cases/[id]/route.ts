import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { getPortalCase } from '@/lib/portal/read';

/** One case of the contact's operator; any other id is 404. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  const actor = await requirePermission('portal:read');
  return getPortalCase(await getDb(), actor, idParam(params.id));
});
