import { bigint, boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { importFormatEnum, importStatusEnum } from './enums';
import { apiTokens, users } from './users';
import { storedFiles } from './files';

/** A bulk import of automated testing results (DESIGN §7): progress, counts and its report. */
export const importJobs = pgTable('import_jobs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  status: importStatusEnum('status').notNull().default('queued'),
  format: importFormatEnum('format').notNull(),
  filename: text('filename').notNull().default(''),
  dryRun: boolean('dry_run').notNull().default(false),
  /** queued → validating → applying → done (DESIGN §7; lib/imports/run.ts). */
  phase: text('phase', { enum: ['queued', 'validating', 'applying', 'done'] }).notNull().default('queued'),
  /** Size of the uploaded file and how much of it has been read, for the progress bar. */
  fileBytes: bigint('file_bytes', { mode: 'number' }).notNull().default(0),
  /** The uploaded file, kept in the database until the job ends (lib/files/store.ts). */
  fileId: bigint('file_id', { mode: 'number' }).references(() => storedFiles.id, { onDelete: 'set null' }),
  progress: real('progress').notNull().default(0),
  /**
   * The claim of the runner running the job (`host:pid/claim`), its last progress write, and how many
   * times a runner took it (lib/imports/queue: a dead runner's job is run again from the start).
   */
  runner: text('runner'),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  /** Asked to stop (POST /api/v1/imports/{id}/cancel): the runner stops at its next chunk or before committing. */
  cancelRequested: boolean('cancel_requested').notNull().default(false),
  /** The job's entry in the Postgres queue (pg-boss `job.id`); null on the embedded database. */
  queueJobId: uuid('queue_job_id'),
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

/**
 * Valid rows of a running import, between the validating and the applying phase (lib/imports/stage.ts).
 * UNLOGGED on Postgres (hand-edited migration): a crash loses only what boot recovery deletes anyway.
 * Every value is text as read (normalised), cast by the set-based apply statements.
 */
export const importStaging = pgTable('import_staging', {
  jobId: integer('job_id').notNull(),
  line: integer('line').notNull(),
  source: text('source').notNull(),
  externalId: text('external_id').notNull(),
  detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
  inspectedOn: date('inspected_on').notNull(),
  /** inspection_ref, or `finding:<external_id>` when empty (the row is its own inspection). */
  inspectionKey: text('inspection_key').notNull(),
  subjectKind: text('subject_kind').notNull(),
  subjectName: text('subject_name').notNull(),
  platform: text('platform').notNull(),
  /** The identifier the subject is matched by: its type and match value. */
  keyType: text('key_type').notNull(),
  keyValue: text('key_value').notNull(),
  store: text('store').notNull(),
  version: text('version').notNull(),
  packageName: text('package_name').notNull(),
  bundleId: text('bundle_id').notNull(),
  miniProgramAppid: text('mini_program_appid').notNull(),
  filingNumber: text('filing_number').notNull(),
  filingRoot: text('filing_root').notNull(),
  certSha256: text('cert_sha256').notNull(),
  operatorName: text('operator_name').notNull(),
  operatorUscc: text('operator_uscc').notNull(),
  region: text('region').notNull(),
  sector: text('sector').notNull(),
  category: text('category').notNull(),
  severity: text('severity').notNull(),
  description: text('description').notNull(),
  evidenceSha256: text('evidence_sha256').notNull(),
  evidenceUrl: text('evidence_url').notNull(),
  campaign: text('campaign').notNull(),
});
