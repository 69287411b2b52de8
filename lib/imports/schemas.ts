import { z } from 'zod';
import { pageParams } from '@/lib/http/cursor';

/** GET /api/v1/imports: a page of jobs, newest first. */
export const importListSchema = z.object({ ...pageParams });

/** POST /api/v1/imports: the query of a raw upload (a multipart upload may send `dryRun` as a field too). */
export const importUploadQuerySchema = z.object({
  dryRun: z.enum(['true', '1', 'false', '0']).optional().meta({ description: 'Validate and count, then roll back: no domain row is written.' }),
  filename: z.string().max(255).optional().meta({ description: 'Names the format by its extension (results.csv).' }),
});
export type ImportUploadQuery = z.infer<typeof importUploadQuerySchema>;
