import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importJobs } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { conflict, notFound } from '@/lib/http/errors';
import { toImportJob, type ImportJob } from './jobs';
import { CANCELLED } from './queue/claims';

/**
 * POST /api/v1/imports/{id}/cancel: a queued job is cancelled at once (its file deleted); a running
 * one is asked to stop: its runner stops at its next chunk, or refuses to commit its apply (the
 * check is inside the apply transaction), and marks it cancelled — nothing applied either way. A job
 * whose apply has committed is over: 409. Audited in the same transaction.
 */
export async function cancelImportJob(db: Db, actor: Actor, id: number): Promise<ImportJob> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, id)).for('update');
    if (!row) throw notFound('Import', id);
    if (row.status !== 'queued' && row.status !== 'running') throw conflict(`Import ${id} has already ended (${row.status}); only a queued or running import can be cancelled.`);
    const [updated] = await tx
      .update(importJobs)
      .set(row.status === 'queued'
        ? { cancelRequested: true, status: 'cancelled', phase: 'done', error: CANCELLED, finishedAt: sql`now()` as never, fileId: null }
        : { cancelRequested: true })
      .where(eq(importJobs.id, id))
      .returning();
    if (row.status === 'queued' && row.fileId !== null) await tx.execute(sql`DELETE FROM stored_files WHERE id = ${row.fileId}`);
    await recordAudit(tx, actor, { action: 'import.cancel', entityType: 'import_job', entityId: id, before: { status: row.status }, after: { status: updated!.status, cancelRequested: true } });
    return toImportJob(updated!);
  });
}
