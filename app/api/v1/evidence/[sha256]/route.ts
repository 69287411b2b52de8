import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { evidenceBytesStream, getEvidenceOrThrow } from '@/lib/evidence/store';
import { notFound } from '@/lib/http/errors';
import { apiRoute } from '@/lib/http/route';

/** Downloads an evidence file, streamed from the database: always as an attachment, never sniffed by the browser. */
export const GET = apiRoute<{ sha256: string }>(async (_req, params) => {
  await requirePermission('case:read');
  const db = await getDb();
  const row = await getEvidenceOrThrow(db, params.sha256 ?? '');
  const bytes = evidenceBytesStream(db, row);
  if (!bytes) throw notFound('Evidence file', row.sha256);
  const ext = row.mediaType.split('/')[1]?.replace(/^x-|vnd\.tcpdump\./, '') ?? 'bin';
  return new Response(bytes, {
    headers: {
      'content-type': row.mediaType,
      'content-length': String(row.byteSize),
      'content-disposition': `attachment; filename="${row.sha256}.${ext === 'jpeg' ? 'jpg' : ext === 'json' ? 'har' : ext}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=31536000, immutable',
    },
  });
});
