import fs from 'node:fs';
import { getDatabase } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { createImportJob, toImportJob, type ImportJob } from './jobs';
import { importQueueOf } from './queue';
import type { ImportUploadQuery } from './schemas';
import { receiveImportUpload } from './upload';

/**
 * POST /api/v1/imports: the body to a temp file, then the file (into the database), the job row and
 * its queue entry in one transaction. Any runner may take it from there (lib/imports/queue).
 */
export async function startImport(req: Request, actor: Actor, query: ImportUploadQuery): Promise<{ job: ImportJob }> {
  const upload = await receiveImportUpload(req, query);
  let row;
  try {
    const handle = await getDatabase();
    const queue = await importQueueOf(handle);
    const file = fs.createReadStream(upload.file, { highWaterMark: 1024 * 1024 });
    row = await createImportJob(handle.db, actor, { format: upload.format, filename: upload.filename, dryRun: upload.dryRun, fileBytes: upload.bytes }, file, (tx, id) => queue.enqueue(tx, id));
    queue.notify();
  } finally {
    fs.rmSync(upload.file, { force: true });
  }
  return { job: toImportJob(row) };
}
