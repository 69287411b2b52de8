import { z } from 'zod';
import { idParamSchema } from '@/lib/http/params';
import { importDetailResponseSchema, importJobResponseSchema, importListResponseSchema, importListSchema, importUploadQuerySchema, importUploadSchema } from '@/lib/imports/schemas';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });
const rawFile = z.string().meta({ description: 'The file itself; never held in memory by the server.' });

/** Bulk import of automated testing results (DESIGN §6–§7). */
export const importOperations: Operation[] = [
  {
    method: 'POST',
    path: '/api/v1/imports',
    tag: 'imports',
    summary: 'Start an import',
    description: 'The file is streamed to disk and imported in the background; poll the job. The format comes from the file name’s extension, else the content type. At most 1 GiB (the server’s `RECTIFY_IMPORT_MAX_BYTES`): a larger file is a 413 naming the limit. A body shorter than its Content-Length, or cut off, is a 400 `incomplete_body` and starts no job.',
    access: 'import:write',
    query: importUploadQuerySchema,
    rawBody: { name: 'ImportUpload', content: { 'multipart/form-data': importUploadSchema, 'text/csv': rawFile, 'application/x-ndjson': rawFile } },
    responses: [{ status: 202, description: 'The job, queued.', schema: importJobResponseSchema }],
    errors: [400, 413, 415],
  },
  { method: 'GET', path: '/api/v1/imports', tag: 'imports', summary: 'List import jobs', description: 'Newest first.', access: 'import:write', query: importListSchema, responses: [{ status: 200, description: 'A page of jobs.', schema: importListResponseSchema }] },
  { method: 'GET', path: '/api/v1/imports/{id}', tag: 'imports', summary: 'One import job and its report', description: 'Progress, counts and the first 100 rejections.', access: 'import:write', params: byId, responses: [{ status: 200, description: 'The job and its first rejections.', schema: importDetailResponseSchema }] },
  {
    method: 'POST',
    path: '/api/v1/imports/{id}/cancel',
    tag: 'imports',
    summary: 'Cancel an import',
    description: 'A queued job is cancelled at once. A running one is asked to stop: it stops at its next chunk of rows, or before its apply commits, and ends `cancelled` with nothing applied (poll the job; if the apply committed first, the job ends `succeeded`). A job that has ended answers 409.',
    access: 'import:write',
    params: byId,
    responses: [{ status: 200, description: 'The job: `cancelled`, or still `running` until its runner stops.', schema: importJobResponseSchema }],
    errors: [409],
  },
  { method: 'GET', path: '/api/v1/imports/{id}/rejections', tag: 'imports', summary: 'Every rejection as CSV', description: 'Columns `line,column,reason,raw`; UTF-8 with BOM, formula-safe.', access: 'import:write', params: byId, responses: [{ status: 200, mediaType: 'text/csv', description: '`import-<id>-rejections.csv`' }] },
];
