import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { getImportJobOrThrow, listRejections, toImportJob } from '@/lib/imports/jobs';

/** One import job with its first 100 rejections. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('import:write');
  const db = await getDb();
  const job = await getImportJobOrThrow(db, idParam(params.id));
  const rejections = await listRejections(db, job.id, 100);
  return { job: toImportJob(job), rejections: rejections.map(({ line, column, reason }) => ({ line, column, reason })) };
});
