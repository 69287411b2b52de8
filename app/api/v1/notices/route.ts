import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson, readSearchParams } from '@/lib/http/route';
import { createDraft } from '@/lib/notices/commands';
import { countByStatus, listManagedNotices } from '@/lib/notices/queries';
import { noticeDraftSchema, noticeListQuerySchema } from '@/lib/notices/schemas';

/** The office's notices, every status (signed-in staff). */
export const GET = apiRoute(async (req) => {
  await requirePermission('notice:read');
  const { status } = readSearchParams(req.url, noticeListQuerySchema);
  const db = await getDb();
  const [rows, counts] = await Promise.all([listManagedNotices(db, status), countByStatus(db)]);
  // At most MANAGED_NOTICES_MAX, newest first; `total` says how many there are, so a cut list shows.
  return { notices: rows, total: status ? counts[status] : counts.draft + counts.approved + counts.published };
});

/** A new draft: `{ kind, titleZh, titleEn, introZh, introEn, deadline, caseIds, caseRevisions?, correctsNoticeId? }`. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('notice:draft');
  const body = await readJson(req, noticeDraftSchema);
  const notice = await createDraft(await getDb(), actor, body);
  return Response.json({ notice }, { status: 201 });
});
