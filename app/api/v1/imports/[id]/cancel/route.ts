import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { cancelImportJob } from '@/lib/imports/cancel';

/** Cancels a queued import, or asks a running one to stop before it commits (lib/imports/cancel.ts). */
export const POST = apiRoute<{ id: string }>(async (_req, params) => {
  const actor = await requirePermission('import:write');
  return { job: await cancelImportJob(await getDb(), actor, idParam(params.id)) };
});
