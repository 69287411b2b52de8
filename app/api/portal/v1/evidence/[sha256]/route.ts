import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { evidenceHeaders, evidenceQuerySchema } from '@/lib/evidence/download';
import { evidenceBytesStream, getEvidenceOrThrow } from '@/lib/evidence/store';
import { notFound } from '@/lib/http/errors';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { portalEvidenceAllowed } from '@/lib/portal/read';

/** A file of the contact's operator's findings, or one the contact uploaded; any other is 404. */
export const GET = apiRoute<{ sha256: string }>(async (req, params) => {
  const actor = await requirePermission('portal:read');
  const { disposition } = readSearchParams(req.url, evidenceQuerySchema);
  const db = await getDb();
  const sha256 = (params.sha256 ?? '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256) || !(await portalEvidenceAllowed(db, actor, sha256))) throw notFound('Evidence file', params.sha256 ?? '');
  const row = await getEvidenceOrThrow(db, sha256);
  const bytes = evidenceBytesStream(db, row);
  if (!bytes) throw notFound('Evidence file', row.sha256);
  return new Response(bytes, { headers: evidenceHeaders(row, row.byteSize, disposition === 'inline') });
});
