import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { evidence } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { storedFileWebStream, writeStoredFile } from '@/lib/files/store';
import { HttpError, notFound } from '@/lib/http/errors';
import { evidenceRefSchema } from './ref';
import { ALLOWED_EVIDENCE_TYPES, sniffEvidenceType } from './types';

/** 25 MB: larger files are refused with 413. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

export type EvidenceRow = typeof evidence.$inferSelect;

/**
 * Stores one evidence file, content-addressed and once: the type is checked by the bytes (415
 * otherwise), and the row, its bytes (in the database, lib/files/store.ts) and its audit event are
 * written in one transaction. Bytes matching evidence known so far only by its hash (an import's
 * `evidence_sha256`) are attached to that row.
 */
export async function storeEvidence(db: Db, actor: Actor, input: { bytes: Uint8Array; originalName: string }): Promise<{ row: EvidenceRow; created: boolean }> {
  if (input.bytes.length > MAX_EVIDENCE_BYTES) throw new HttpError(413, 'too_large', `Evidence files are limited to ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
  const type = await sniffEvidenceType(input.bytes);
  if (!type) {
    throw new HttpError(415, 'unsupported_media_type', `This file's content is not an allowed evidence type (${Object.keys(ALLOWED_EVIDENCE_TYPES).join(', ')}).`, {
      file: 'Not an allowed evidence type (checked by its content).',
    });
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const originalName = input.originalName.slice(0, 255);
  return db.transaction(async (tx) => {
    await tx
      .insert(evidence)
      .values({ sha256, byteSize: input.bytes.length, mediaType: type.mediaType, originalName, uploadedBy: actor.kind === 'user' ? actor.id : null })
      .onConflictDoNothing();
    // Locked: a second upload of the same bytes (on any copy) waits here and then finds them stored.
    const [row] = await tx.select().from(evidence).where(eq(evidence.sha256, sha256)).for('update').limit(1);
    if (row!.fileId !== null) return { row: row!, created: false };
    const file = await writeStoredFile(tx, 'evidence', input.bytes, { originalName });
    const [stored] = await tx
      .update(evidence)
      .set({ fileId: file.id, byteSize: file.byteSize, mediaType: type.mediaType, originalName: row!.originalName || originalName })
      .where(eq(evidence.sha256, sha256))
      .returning();
    await recordAudit(tx, actor, { action: 'evidence.upload', entityType: 'evidence', entityId: sha256, after: { byteSize: stored!.byteSize, mediaType: stored!.mediaType, originalName: stored!.originalName } });
    return { row: stored!, created: true };
  });
}

export async function getEvidenceOrThrow(db: Queryable, sha256: string): Promise<EvidenceRow> {
  const [row] = evidenceRefSchema.safeParse(sha256).success ? await db.select().from(evidence).where(eq(evidence.sha256, sha256)).limit(1) : [];
  if (!row) throw notFound('Evidence', sha256);
  return row;
}

/** The stored bytes of an evidence row as a stream, or null when only its hash / URL is known. */
export function evidenceBytesStream(db: Queryable, row: EvidenceRow): ReadableStream<Uint8Array> | null {
  return row.fileId === null ? null : storedFileWebStream(db, row.fileId);
}
