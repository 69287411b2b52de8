import { sql } from 'drizzle-orm';
import {
  bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { campaignStatusEnum, inspectionMethodEnum, severityEnum } from './enums';
import { subjects } from './registry';
import { sectors, violationCategories } from './taxonomy';
import { apiTokens, users } from './users';
import { storedFiles } from './files';

/** 专项行动: a named enforcement action with dates and scope sectors. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: campaignStatusEnum('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('campaigns_dates', sql`${t.endsOn} >= ${t.startsOn}`)],
);

export const campaignSectors = pgTable(
  'campaign_sectors',
  {
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    sector: text('sector').notNull().references(() => sectors.code),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.sector] })],
);

/**
 * One examination of one subject at one version on one date. Imported inspections carry their
 * automated source and its reference; (source, external_ref) is unique so re-imports change nothing.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subjectId: integer('subject_id').notNull().references(() => subjects.id),
    version: text('version').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    method: inspectionMethodEnum('method').notNull(),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    inspectorId: integer('inspector_id').references(() => users.id),
    tokenId: integer('token_id').references(() => apiTokens.id),
    source: text('source'),
    externalRef: text('external_ref'),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('inspections_source_pair', sql`(${t.source} IS NULL) = (${t.externalRef} IS NULL)`),
    uniqueIndex('inspections_source_ref_uq').on(t.source, t.externalRef),
    index('inspections_subject_idx').on(t.subjectId, t.inspectedOn),
    index('inspections_campaign_idx').on(t.campaignId),
    index('inspections_date_idx').on(t.inspectedOn),
  ],
);

/** One problem found in an inspection. (source, external_id) identifies an imported row. */
export const findings = pgTable(
  'findings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    inspectionId: integer('inspection_id').notNull().references(() => inspections.id, { onDelete: 'cascade' }),
    category: text('category').notNull().references(() => violationCategories.code),
    severity: severityEnum('severity').notNull(),
    description: text('description').notNull(),
    legalBasis: text('legal_basis').notNull().default(''),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
    source: text('source'),
    externalId: text('external_id'),
  },
  (t) => [
    check('findings_source_pair', sql`(${t.source} IS NULL) = (${t.externalId} IS NULL)`),
    uniqueIndex('findings_source_external_uq').on(t.source, t.externalId),
    // (inspection, category): the cases of an inspection by category (subject_recidivism, the case list's category filter).
    index('findings_inspection_category_idx').on(t.inspectionId, t.category),
    index('findings_category_idx').on(t.category),
    index('findings_detected_idx').on(t.detectedAt),
  ],
);

/** Evidence files, content-addressed by SHA-256 and immutable once stored. */
export const evidence = pgTable(
  'evidence',
  {
    sha256: text('sha256').primaryKey(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull().default(''),
    /** The bytes, kept in the database (lib/files/store.ts); null for evidence known only by hash/URL. */
    fileId: bigint('file_id', { mode: 'number' }).references(() => storedFiles.id),
    /** Where the bytes were kept on the disk of one server before they moved into the database (migrated at start-up). */
    storagePath: text('storage_path'),
    sourceUrl: text('source_url'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('evidence_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('evidence_size', sql`${t.byteSize} >= 0`),
  ],
);

export const findingEvidence = pgTable(
  'finding_evidence',
  {
    findingId: integer('finding_id').notNull().references(() => findings.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull().references(() => evidence.sha256),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.sha256] }), index('finding_evidence_sha_idx').on(t.sha256)],
);
