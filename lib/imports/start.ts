import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { createImportJob, toImportJob, type ImportJob } from './jobs';
import { enqueueImport } from './queue';
import { receiveImportUpload } from './upload';

/**
 * POST /api/v1/imports: the body to a temp file, a job row, and the job queued in this process.
 * Returns the job as created (queued) and the promise of its end (tests may await it).
 */
export async function startImport(req: Request, actor: Actor): Promise<{ job: ImportJob; finished: Promise<void> }> {
  const upload = await receiveImportUpload(req);
  const db = await getDb();
  const row = await createImportJob(db, actor, { format: upload.format, filename: upload.filename, dryRun: upload.dryRun, fileBytes: upload.bytes });
  const finished = enqueueImport({
    jobId: row.id,
    file: upload.file,
    format: upload.format,
    filename: upload.filename,
    dryRun: upload.dryRun,
    actor,
    removeFile: true,
  });
  return { job: toImportJob(row), finished };
}
