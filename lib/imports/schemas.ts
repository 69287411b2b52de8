import { z } from 'zod';
import { pageParams } from '@/lib/http/cursor';

/** GET /api/v1/imports: a page of jobs, newest first. */
export const importListSchema = z.object({ ...pageParams });
