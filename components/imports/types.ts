import type { Rejection } from '@/lib/imports/columns';
import type { ImportCounts } from '@/lib/imports/apply';
import type { ImportJob } from '@/lib/imports/jobs';

/** The import API's shapes as the browser receives them (the import contract; dates are ISO strings). */
export type { ImportJob, Rejection };
export interface ImportJobDetail { job: ImportJob; rejections: Rejection[] }

/** The records an import creates, in the report's order. */
export const CREATED_ENTITIES = ['operators', 'subjects', 'inspections', 'findings', 'cases'] as const satisfies readonly (keyof ImportCounts['created'])[];

export const isActive = (job: Pick<ImportJob, 'status'>) => job.status === 'queued' || job.status === 'running';
