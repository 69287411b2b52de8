import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { importJobDetail } from '@/lib/imports/report';

/** One import job with its first 100 rejections. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('import:write');
  return importJobDetail(await getDb(), idParam(params.id));
});
