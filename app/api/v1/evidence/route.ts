import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { storeEvidence } from '@/lib/evidence/store';
import { readUploadedFile } from '@/lib/evidence/upload';
import { unproxied } from '@/lib/security/headers';
import { apiRoute } from '@/lib/http/route';

/** Uploads one evidence file (multipart field `file`, ≤ 25 MB, type checked by its bytes). */
export const POST = unproxied(apiRoute(async (req) => {
  const actor = await requirePermission('inspection:write');
  const file = await readUploadedFile(req);
  const { row, created } = await storeEvidence(await getDb(), actor, { bytes: file.bytes, originalName: file.name });
  return Response.json({ sha256: row.sha256, byteSize: row.byteSize, mediaType: row.mediaType }, { status: created ? 201 : 200 });
}));
