import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { evidence } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { HttpError, notFound } from '@/lib/http/errors';
import { evidenceRefSchema } from './ref';
import { ALLOWED_EVIDENCE_TYPES, sniffEvidenceType } from './types';

/** 25 MB: larger files are refused with 413. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** The evidence store: RECTIFY_EVIDENCE_DIR, else .data/evidence/. Files live at <first2>/<sha256>. */
export function evidenceDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.RECTIFY_EVIDENCE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data', 'evidence'));
}

export function evidenceRelativePath(sha256: string): string {
  return path.join(sha256.slice(0, 2), sha256);
}

export type EvidenceRow = typeof evidence.$inferSelect;

/**
 * Stores one evidence file, content-addressed and once: the type is checked by the bytes (415
 * otherwise), the bytes go to a temporary file, and the row (with its audit event) and the move into
 * place happen in one transaction; if the transaction fails, the file it put in place is removed,
 * and the temporary file never outlives the call.
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
  const root = evidenceDir();
  const relative = evidenceRelativePath(sha256);
  const finalPath = path.join(root, relative);
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(tmpPath, input.bytes, { mode: 0o640 });
  let placed = false;
  try {
    return await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(evidence)
        .values({ sha256, byteSize: input.bytes.length, mediaType: type.mediaType, originalName: input.originalName.slice(0, 255), storagePath: relative, uploadedBy: actor.kind === 'user' ? actor.id : null })
        .onConflictDoNothing()
        .returning();
      if (!inserted) {
        const [existing] = await tx.select().from(evidence).where(eq(evidence.sha256, sha256)).limit(1);
        return { row: existing!, created: false };
      }
      await recordAudit(tx, actor, { action: 'evidence.upload', entityType: 'evidence', entityId: sha256, after: { byteSize: inserted.byteSize, mediaType: inserted.mediaType, originalName: inserted.originalName } });
      fs.mkdirSync(path.dirname(finalPath), { recursive: true });
      placed = !fs.existsSync(finalPath);
      fs.renameSync(tmpPath, finalPath); // atomic; the last step before commit
      return { row: inserted, created: true };
    });
  } catch (err) {
    if (placed) fs.rmSync(finalPath, { force: true });
    throw err;
  } finally {
    fs.rmSync(tmpPath, { force: true });
  }
}

export async function getEvidenceOrThrow(db: Queryable, sha256: string): Promise<EvidenceRow> {
  const [row] = evidenceRefSchema.safeParse(sha256).success ? await db.select().from(evidence).where(eq(evidence.sha256, sha256)).limit(1) : [];
  if (!row) throw notFound('Evidence', sha256);
  return row;
}

/** The stored bytes of an evidence row, or null when only its hash / URL is known. */
export function readEvidenceBytes(row: EvidenceRow): Buffer | null {
  if (!row.storagePath) return null;
  const file = path.join(evidenceDir(), row.storagePath);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}
