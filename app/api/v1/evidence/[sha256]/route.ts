import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { getEvidenceOrThrow, readEvidenceBytes } from '@/lib/evidence/store';
import { notFound } from '@/lib/http/errors';
import { apiRoute } from '@/lib/http/route';

/** Downloads an evidence file: always as an attachment, never sniffed by the browser. */
export const GET = apiRoute<{ sha256: string }>(async (_req, params) => {
  await requirePermission('case:read');
  const row = await getEvidenceOrThrow(await getDb(), params.sha256 ?? '');
  const bytes = readEvidenceBytes(row);
  if (!bytes) throw notFound('Evidence file', row.sha256);
  const ext = row.mediaType.split('/')[1]?.replace(/^x-|vnd\.tcpdump\./, '') ?? 'bin';
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': row.mediaType,
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="${row.sha256}.${ext === 'jpeg' ? 'jpg' : ext === 'json' ? 'har' : ext}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=31536000, immutable',
    },
  });
});
