import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { approveNotice } from '@/lib/notices/commands';

/** Four eyes: a supervisor other than the author approves the draft (403 for the author). */
export const POST = apiRoute<{ id: string }>(async (_req, params) => {
  const actor = await requirePermission('notice:approve');
  return { notice: await approveNotice(await getDb(), actor, idParam(params.id)) };
});
