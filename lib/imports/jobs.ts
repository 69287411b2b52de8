import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '@/db/client';
import { importJobs, importRejections } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { decodeCursor, pageOf } from '@/lib/http/cursor';
import { recordAudit } from '@/lib/audit';
import { notFound } from '@/lib/http/errors';
import { writeStoredFile } from '@/lib/files/store';
import { EMPTY_COUNTS } from './apply';
import type { ImportCounts, ImportJob } from './schemas';

export type { ImportJob };

export type ImportJobRow = typeof importJobs.$inferSelect;


const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toImportJob(row: ImportJobRow): ImportJob {
  const counts = row.counts as Partial<ImportCounts>;
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    filename: row.filename,
    dryRun: row.dryRun,
    phase: row.phase,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    progress: Math.max(0, Math.min(1, row.progress)),
    counts: { ...EMPTY_COUNTS, ...counts, created: { ...EMPTY_COUNTS.created, ...counts.created } },
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/**
 * A queued job, its uploaded file (streamed into the database, lib/files/store.ts) and its audit
 * event (who uploaded what), in one transaction.
 */
export async function createImportJob(
  db: Db,
  actor: Actor | null,
  input: { format: 'csv' | 'ndjson'; filename: string; dryRun: boolean; fileBytes: number },
  file: AsyncIterable<Uint8Array>,
  /** Queues it in the same transaction (lib/imports/queue). */
  enqueue?: (tx: Tx, jobId: number) => Promise<void>,
): Promise<ImportJobRow> {
  return db.transaction(async (tx) => {
    const stored = await writeStoredFile(tx, 'import', file, { filename: input.filename });
    const [row] = await tx
      .insert(importJobs)
      .values({
        ...input,
        fileBytes: stored.byteSize,
        fileId: stored.id,
        createdBy: actor?.kind === 'user' ? actor.id : null,
        tokenId: actor?.kind === 'token' ? actor.id : null,
      })
      .returning();
    await enqueue?.(tx, row!.id);
    await recordAudit(tx, actor, { action: 'import.start', entityType: 'import_job', entityId: row!.id, after: input });
    return row!;
  });
}

export async function getImportJobOrThrow(db: Queryable, id: number): Promise<ImportJobRow> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  if (!row) throw notFound('Import', id);
  return row;
}

/** Jobs newest first (keyset on id). */
export async function listImportJobs(db: Queryable, query: { cursor?: string; limit: number }) {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(importJobs)
    .where(after ? lt(importJobs.id, after[1]) : undefined)
    .orderBy(desc(importJobs.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [null, r.id]);
  return { items: page.items.map(toImportJob), nextCursor: page.nextCursor };
}

/** Rejections in line order: the first `limit`, or every one page by page (`afterId`). */
export async function listRejections(db: Queryable, jobId: number, limit: number, after?: { line: number; id: number }) {
  return db
    .select({ id: importRejections.id, line: importRejections.line, column: importRejections.column, reason: importRejections.reason, raw: importRejections.raw })
    .from(importRejections)
    .where(and(eq(importRejections.jobId, jobId), after ? sql`(${importRejections.line}, ${importRejections.id}) > (${after.line}, ${after.id})` : undefined))
    .orderBy(asc(importRejections.line), asc(importRejections.id))
    .limit(limit);
}
