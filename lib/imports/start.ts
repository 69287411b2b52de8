import fs from 'node:fs';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { createImportJob, toImportJob, type ImportJob } from './jobs';
import { enqueueImport } from './queue';
import type { ImportUploadQuery } from './schemas';
import { receiveImportUpload } from './upload';

/**
 * POST /api/v1/imports: the body to a temp file, then the file (into the database) and the job row
 * in one transaction, and the job queued. Returns the job as created (queued) and the promise of
 * its end (tests may await it).
 */
export async function startImport(req: Request, actor: Actor, query: ImportUploadQuery): Promise<{ job: ImportJob; finished: Promise<void> }> {
  const upload = await receiveImportUpload(req, query);
  let row;
  try {
    const db = await getDb();
    const file = fs.createReadStream(upload.file, { highWaterMark: 1024 * 1024 });
    row = await createImportJob(db, actor, { format: upload.format, filename: upload.filename, dryRun: upload.dryRun, fileBytes: upload.bytes }, file);
  } finally {
    fs.rmSync(upload.file, { force: true });
  }
  const finished = enqueueImport({ jobId: row.id, format: upload.format, filename: upload.filename, dryRun: upload.dryRun, actor });
  return { job: toImportJob(row), finished };
}
