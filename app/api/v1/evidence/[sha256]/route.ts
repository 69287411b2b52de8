import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { evidenceHeaders, evidenceQuerySchema } from '@/lib/evidence/download';
import { getEvidenceOrThrow, readEvidenceBytes } from '@/lib/evidence/store';
import { notFound } from '@/lib/http/errors';
import { apiRoute, readSearchParams } from '@/lib/http/route';

/** An evidence file, named by its uploaded name; never sniffed by the browser. */
export const GET = apiRoute<{ sha256: string }>(async (req, params) => {
  await requirePermission('case:read');
  const { disposition } = readSearchParams(req.url, evidenceQuerySchema);
  const row = await getEvidenceOrThrow(await getDb(), params.sha256 ?? '');
  const bytes = readEvidenceBytes(row);
  if (!bytes) throw notFound('Evidence file', row.sha256);
  return new Response(new Uint8Array(bytes), { headers: evidenceHeaders(row, bytes.length, disposition === 'inline') });
});
