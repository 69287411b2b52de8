import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { csvHeaders, csvStream } from '@/lib/csv';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { getImportJobOrThrow } from '@/lib/imports/jobs';
import { rejectionRows } from '@/lib/imports/rejections-csv';

/** Every rejection of a job as CSV (line, column, reason, raw), streamed page by page. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('import:write');
  const db = await getDb();
  const job = await getImportJobOrThrow(db, idParam(params.id));
  return new Response(csvStream(['line', 'column', 'reason', 'raw'], rejectionRows(db, job.id)), {
    headers: csvHeaders(`import-${job.id}-rejections.csv`),
  });
});
