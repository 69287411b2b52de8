/** The import API's shapes as the browser receives them (JSON: dates are ISO strings). See the import contract. */
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type ImportPhase = 'queued' | 'validating' | 'applying' | 'done';
export const CREATED_ENTITIES = ['operators', 'subjects', 'inspections', 'findings', 'cases'] as const;
export type CreatedEntity = (typeof CREATED_ENTITIES)[number];

export interface ImportJobView {
  id: number;
  status: ImportStatus;
  format: 'csv' | 'ndjson';
  filename: string;
  dryRun: boolean;
  phase: ImportPhase;
  totalRows: number;
  processedRows: number;
  progress: number;
  counts: { created: Record<CreatedEntity, number>; known: number; rejected: number };
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RejectionView { line: number; column: string; reason: string }

export interface ImportJobDetail { job: ImportJobView; rejections: RejectionView[] }

export const isActive = (job: Pick<ImportJobView, 'status'>) => job.status === 'queued' || job.status === 'running';
