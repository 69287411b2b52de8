import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { evidenceHeaders, evidenceQuerySchema } from '@/lib/evidence/download';
import { evidenceBytesStream, getEvidenceOrThrow } from '@/lib/evidence/store';
import { notFound } from '@/lib/http/errors';
import { apiRoute, readSearchParams } from '@/lib/http/route';

/** An evidence file, streamed from the database, named by its uploaded name; never sniffed by the browser. */
export const GET = apiRoute<{ sha256: string }>(async (req, params) => {
  await requirePermission('case:read');
  const { disposition } = readSearchParams(req.url, evidenceQuerySchema);
  const db = await getDb();
  const row = await getEvidenceOrThrow(db, params.sha256 ?? '');
  const bytes = evidenceBytesStream(db, row);
  if (!bytes) throw notFound('Evidence file', row.sha256);
  return new Response(bytes, { headers: evidenceHeaders(row, row.byteSize, disposition === 'inline') });
});
