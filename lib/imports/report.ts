import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { apiTokens, importJobs, users } from '@/db/schema';
import type { Rejection } from './columns';
import { getImportJobOrThrow, listRejections, toImportJob, type ImportJob } from './jobs';

/** How many rejections a job's report lists (all of them: GET /api/v1/imports/{id}/rejections). */
export const REPORT_REJECTIONS = 100;

/** GET /api/v1/imports/{id} and the job page: the job and its first rejections, or a 404. */
export async function importJobDetail(db: Queryable, id: number): Promise<{ job: ImportJob; rejections: Rejection[] }> {
  const row = await getImportJobOrThrow(db, id);
  const rejections = await listRejections(db, row.id, REPORT_REJECTIONS);
  return { job: toImportJob(row), rejections: rejections.map(({ line, column, reason }) => ({ line, column, reason })) };
}

/** Who started each job: the user's name, or the API token's; absent when neither is known. */
export async function importJobAuthors(db: Queryable, ids: readonly number[]): Promise<Map<number, { user: string | null; token: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: importJobs.id, user: users.name, token: apiTokens.name })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .leftJoin(apiTokens, eq(apiTokens.id, importJobs.tokenId))
    .where(inArray(importJobs.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { user: r.user, token: r.token }]));
}
