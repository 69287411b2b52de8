import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { publishNotice } from '@/lib/notices/publish';

/** Publishes an approved notice and moves its cases, all in one transaction (409/422 naming the case otherwise). */
export const POST = apiRoute<{ id: string }>(async (_req, params) => {
  const actor = await requirePermission('notice:publish');
  return { notice: await publishNotice(await getDb(), actor, idParam(params.id)) };
});
