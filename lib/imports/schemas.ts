import { z } from 'zod';
import { importStatusEnum } from '@/db/schema/enums';
import { pageParams } from '@/lib/http/cursor';

/** GET /api/v1/imports: a page of jobs, newest first. */
export const importListSchema = z.object({ ...pageParams });

/** POST /api/v1/imports: the query of a raw upload (a multipart upload may send `dryRun` as a field too). */
export const importUploadQuerySchema = z.object({
  dryRun: z.enum(['true', '1', 'false', '0']).optional().meta({ description: 'Validate and count, then roll back: no domain row is written.' }),
  filename: z.string().max(255).optional().meta({ description: 'Names the format by its extension (results.csv).' }),
});
export type ImportUploadQuery = z.infer<typeof importUploadQuerySchema>;

/** POST /api/v1/imports as multipart (parsed by hand and streamed to disk: lib/imports/upload.ts), for the document. */
export const importUploadSchema = z.object({
  file: z.string().meta({ contentMediaType: 'application/octet-stream', description: 'A .csv or .ndjson/.jsonl file (DESIGN §7).' }),
  dryRun: z.enum(['true', '1']).optional().meta({ description: 'Validate and count, then roll back: no domain row is written.' }),
});

const count = z.number().int().min(0);

export const importCountsSchema = z.object({
  created: z.object({ operators: count, subjects: count, inspections: count, findings: count, cases: count }),
  known: count,
  rejected: count,
});

/** An import job as the API answers it (lib/imports/jobs.ts toImportJob builds it). */
export const importJobSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(importStatusEnum.enumValues),
  format: z.enum(['csv', 'ndjson']),
  filename: z.string(),
  dryRun: z.boolean(),
  phase: z.enum(['queued', 'validating', 'applying', 'done']),
  totalRows: count.meta({ description: 'Rows read so far (final when done).' }),
  processedRows: count.meta({ description: 'Rows validated and staged so far.' }),
  progress: z.number().min(0).max(1),
  counts: importCountsSchema,
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const rejectionSchema = z.object({
  line: z.number().int().positive().meta({ description: '1-based line in the file (the CSV header is line 1).' }),
  column: z.string(),
  reason: z.string(),
});

export type ImportJob = z.infer<typeof importJobSchema>;
export type ImportCounts = ImportJob['counts'];
export type Rejection = z.infer<typeof rejectionSchema>;

export const importJobResponseSchema = z.object({ job: importJobSchema });
export const importListResponseSchema = z.object({ items: z.array(importJobSchema), nextCursor: z.string().nullable() });
export const importDetailResponseSchema = z.object({ job: importJobSchema, rejections: z.array(rejectionSchema).max(100) });
