import { getDb } from '@/db/client';
import { portalUploads } from '@/db/schema';
import { requirePermission } from '@/lib/auth/actor';
import { storeEvidence } from '@/lib/evidence/store';
import { readUploadedFile } from '@/lib/evidence/upload';
import { apiRoute } from '@/lib/http/route';

/** The contact uploads one file (multipart field `file`), with the same checks as staff uploads: ≤ 25 MB, type by its bytes. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('portal:act');
  const file = await readUploadedFile(req);
  const db = await getDb();
  const { row, created } = await storeEvidence(db, actor, { bytes: file.bytes, originalName: file.name });
  await db.insert(portalUploads).values({ userId: actor.id, sha256: row.sha256 }).onConflictDoNothing();
  return Response.json({ sha256: row.sha256, byteSize: row.byteSize, mediaType: row.mediaType }, { status: created ? 201 : 200 });
});
