import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { storeEvidence } from '@/lib/evidence/store';
import { readUploadedFile } from '@/lib/evidence/upload';
import { unproxied } from '@/lib/security/headers';
import { otherMethod } from '@/lib/http/methods';
import { apiRoute } from '@/lib/http/route';

/** Uploads one evidence file (multipart field `file`, ≤ 25 MB, type checked by its bytes). */
export const POST = unproxied(apiRoute(async (req) => {
  const actor = await requirePermission('inspection:write');
  const file = await readUploadedFile(req);
  const { row, created } = await storeEvidence(await getDb(), actor, { bytes: file.bytes, originalName: file.name });
  return Response.json({ sha256: row.sha256, byteSize: row.byteSize, mediaType: row.mediaType }, { status: created ? 201 : 200 });
}));

// Outside the proxy (proxy.ts's matcher), so the other methods' JSON 405 and OPTIONS are answered here.
export { otherMethod as GET, otherMethod as HEAD, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
