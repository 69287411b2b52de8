import { sql } from 'drizzle-orm';
import {
  check, date, index, integer, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { identifierTypeEnum, platformEnum, subjectKindEnum } from './enums';
import { regions } from './regions';
import { sectors } from './taxonomy';
import { users } from './users';

/** 运营主体: the legal entity behind apps, keyed by its Unified Social Credit Code. */
export const operators = pgTable(
  'operators',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull().unique(),
    /** The GB/T 2260 division (属地); NULL only while `regionUnmatched` holds a free-text value no division matched. */
    regionCode: text('region_code').references(() => regions.code),
    /** A free-text region from before regions were codes that named no division: kept for an admin to fix. */
    regionUnmatched: text('region_unmatched'),
    contact: text('contact').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('operators_uscc_format', sql`${t.uscc} ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`),
    index('operators_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('operators_uscc_trgm').using('gin', t.uscc.op('gin_trgm_ops')),
    check('operators_region_present', sql`${t.regionCode} IS NOT NULL OR ${t.regionUnmatched} IS NOT NULL`),
    index('operators_region_code_idx').on(t.regionCode),
    index('operators_region_unmatched_idx').on(t.id).where(sql`${t.regionCode} IS NULL`),
  ],
);

/** 被检对象: one app or mini program. The current name is here; every earlier name is in subject_names. */
export const subjects = pgTable(
  'subjects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: subjectKindEnum('kind').notNull(),
    platform: platformEnum('platform').notNull(),
    name: text('name').notNull(),
    sector: text('sector').notNull().references(() => sectors.code),
    operatorId: integer('operator_id').references(() => operators.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'subjects_platform_fits_kind',
      sql`(${t.kind} IN ('app','quick_app','sdk') AND ${t.platform} IN ('android','ios','harmony'))
        OR (${t.kind} = 'mini_program' AND ${t.platform} IN ('wechat','alipay','douyin','baidu','kuaishou','qq'))`,
    ),
    index('subjects_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('subjects_operator_idx').on(t.operatorId),
    index('subjects_sector_id_idx').on(t.sector, t.id),
    index('subjects_kind_platform_id_idx').on(t.kind, t.platform, t.id),
  ],
);

/** Name history: renames are kept, never overwritten. The current name is also the open-ended row. */
export const subjectNames = pgTable(
  'subject_names',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subjectId: integer('subject_id').notNull().references(() => subjects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [
    index('subject_names_subject_idx').on(t.subjectId),
    uniqueIndex('subject_names_one_current_uq').on(t.subjectId).where(sql`${t.validTo} IS NULL`),
    index('subject_names_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/**
 * Typed identifiers: how the same app is recognised after a rename or re-registration.
 * `matchValue` is the normalised form compared across subjects (for a filing number, the filer's root).
 */
export const subjectIdentifiers = pgTable(
  'subject_identifiers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subjectId: integer('subject_id').notNull().references(() => subjects.id, { onDelete: 'cascade' }),
    type: identifierTypeEnum('type').notNull(),
    value: text('value').notNull(),
    matchValue: text('match_value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subject_identifiers_subject_type_match_uq').on(t.subjectId, t.type, t.matchValue),
    index('subject_identifiers_match_idx').on(t.type, t.matchValue),
    index('subject_identifiers_value_trgm').using('gin', t.value.op('gin_trgm_ops')),
  ],
);

/** Where a subject is distributed: an app store, or the host platform of a mini program. */
export const storeListings = pgTable(
  'store_listings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subjectId: integer('subject_id').notNull().references(() => subjects.id, { onDelete: 'cascade' }),
    store: text('store').notNull(),
    versionSeen: text('version_seen'),
    seenOn: date('seen_on'),
  },
  (t) => [uniqueIndex('store_listings_subject_store_uq').on(t.subjectId, t.store)],
);

/**
 * An inspector's verdict on a "probably the same as" candidate: linked as the same subject, or dismissed.
 * Stored once per unordered pair (subject_id < other_subject_id).
 */
export const subjectLinks = pgTable(
  'subject_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subjectId: integer('subject_id').notNull().references(() => subjects.id, { onDelete: 'cascade' }),
    otherSubjectId: integer('other_subject_id').notNull().references(() => subjects.id, { onDelete: 'cascade' }),
    verdict: text('verdict', { enum: ['same', 'dismissed'] }).notNull(),
    reason: text('reason').notNull().default(''),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('subject_links_ordered_pair', sql`${t.subjectId} < ${t.otherSubjectId}`),
    check('subject_links_verdict', sql`${t.verdict} IN ('same','dismissed')`),
    uniqueIndex('subject_links_pair_uq').on(t.subjectId, t.otherSubjectId),
    index('subject_links_other_idx').on(t.otherSubjectId),
  ],
);
