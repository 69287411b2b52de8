import { sql } from 'drizzle-orm';
import {
  check, date, index, integer, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { noticeKindEnum, noticeStatusEnum } from './enums';
import { users } from './users';

/**
 * 通报: a batch naming cases. Draft (a supervisor) → approved (a different supervisor) → published
 * (immutable). Numbering "{year} batch {n}, overall batch {total}" is assigned on publication.
 */
export const notices = pgTable(
  'notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: noticeKindEnum('kind').notNull(),
    status: noticeStatusEnum('status').notNull().default('draft'),
    slug: text('slug').unique(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    introZh: text('intro_zh').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
    /** The new deadline given to every case the notice names. */
    deadline: date('deadline'),
    year: integer('year'),
    batchInYear: integer('batch_in_year'),
    batchOverall: integer('batch_overall'),
    correctsNoticeId: integer('corrects_notice_id').references((): AnyPgColumn => notices.id),
    revision: integer('revision').notNull().default(1),
    createdBy: integer('created_by').notNull().references(() => users.id),
    approvedBy: integer('approved_by').references(() => users.id),
    publishedBy: integer('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    check('notices_four_eyes', sql`${t.approvedBy} IS NULL OR ${t.approvedBy} <> ${t.createdBy}`),
    check(
      'notices_published_numbered',
      sql`${t.status} <> 'published' OR (${t.slug} IS NOT NULL AND ${t.year} IS NOT NULL AND ${t.batchInYear} IS NOT NULL AND ${t.batchOverall} IS NOT NULL AND ${t.publishedAt} IS NOT NULL)`,
    ),
    uniqueIndex('notices_batch_overall_uq').on(t.batchOverall),
    uniqueIndex('notices_year_batch_uq').on(t.year, t.batchInYear),
    index('notices_status_published_idx').on(t.status, t.publishedAt),
  ],
);

/** One annex row. The public columns are snapshotted at publication so a notice never changes. */
export const noticeEntries = pgTable(
  'notice_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    noticeId: integer('notice_id').notNull().references(() => notices.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id),
    position: integer('position').notNull(),
    /** The case revision the composer saw; publishing fails if the case has moved since. */
    caseRevision: integer('case_revision').notNull(),
    appName: text('app_name'),
    operatorName: text('operator_name'),
    source: text('source'),
    version: text('version'),
    filingNumber: text('filing_number'),
    region: text('region'),
    problems: text('problems'),
    /** The violation category codes behind `problems`, so the annex reads in either language. */
    categories: text('categories').array().notNull().default([]),
    deadline: date('deadline'),
  },
  (t) => [
    uniqueIndex('notice_entries_notice_case_uq').on(t.noticeId, t.caseId),
    index('notice_entries_case_idx').on(t.caseId),
  ],
);
