import { index, integer, jsonb, pgTable, text, timestamp, boolean } from 'drizzle-orm/pg-core';
import { importFormatEnum, importStatusEnum } from './enums';
import { apiTokens, users } from './users';

/** A bulk import of automated testing results (DESIGN §7): progress, counts and its report. */
export const importJobs = pgTable('import_jobs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  status: importStatusEnum('status').notNull().default('queued'),
  format: importFormatEnum('format').notNull(),
  filename: text('filename').notNull().default(''),
  dryRun: boolean('dry_run').notNull().default(false),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  /** { created: {operators, subjects, inspections, findings, cases}, known, rejected } */
  counts: jsonb('counts').notNull().default({}),
  error: text('error'),
  createdBy: integer('created_by').references(() => users.id),
  tokenId: integer('token_id').references(() => apiTokens.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** A row an import refused: its line, column and reason. */
export const importRejections = pgTable(
  'import_rejections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobId: integer('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    column: text('column').notNull(),
    reason: text('reason').notNull(),
    raw: text('raw').notNull().default(''),
  },
  (t) => [index('import_rejections_job_idx').on(t.jobId, t.line)],
);
