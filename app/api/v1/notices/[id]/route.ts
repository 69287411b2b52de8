import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { updateDraft } from '@/lib/notices/commands';
import { getNoticeDetail } from '@/lib/notices/queries';
import { noticeUpdateSchema } from '@/lib/notices/schemas';

/** One notice for staff, with each listed case's current state and revision. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('notice:read');
  const d = await getNoticeDetail(await getDb(), idParam(params.id));
  return {
    notice: d.notice,
    authorName: d.authorName,
    approverName: d.approverName,
    corrects: d.corrects,
    correctedBy: d.correctedBy,
    entries: d.entries.map((e) => ({ ...e, caseState: d.live.get(e.caseId)?.state ?? null, currentRevision: d.live.get(e.caseId)?.revision ?? null })),
  };
});

/** Replaces a draft (its author only, until approved): the same body as POST plus `expectedRevision`. */
export const PATCH = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('notice:draft');
  const id = idParam(params.id);
  const body = await readJson(req, noticeUpdateSchema);
  return { notice: await updateDraft(await getDb(), actor, id, body) };
});
