import { sql } from 'drizzle-orm';
import {
  check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { caseStateEnum, retestResultEnum } from './enums';
import { evidence, inspections } from './inspections';
import { notices } from './notices';
import { subjects } from './registry';
import { apiTokens, users } from './users';

/**
 * 整改案件: the enforcement record for one inspection's findings on one subject.
 * `revision` is the optimistic-concurrency counter; the first_*_at columns are the facts the
 * cumulative funnel counts (a removed case was also ordered and notified).
 * Overdue is never stored: it is derived from `deadline` and the clock.
 */
export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subjectId: integer('subject_id').notNull().references(() => subjects.id),
    inspectionId: integer('inspection_id').notNull().references(() => inspections.id),
    state: caseStateEnum('state').notNull().default('open'),
    revision: integer('revision').notNull().default(1),
    deadline: date('deadline'),
    foundVersion: text('found_version').notNull(),
    claimedVersion: text('claimed_version'),
    retestVersion: text('retest_version'),
    /** The earlier, closed case this one recurs (DESIGN §3: closed cases are never reopened). */
    previousCaseId: integer('previous_case_id').references((): AnyPgColumn => cases.id),
    /** The inspector (or supervisor) the case is assigned to; null: nobody yet. Not a transition: the revision stays. */
    assigneeId: integer('assignee_id').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    firstOrderedAt: timestamp('first_ordered_at', { withTimezone: true }),
    firstNotifiedAt: timestamp('first_notified_at', { withTimezone: true }),
    firstRemovedAt: timestamp('first_removed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_inspection_uq').on(t.inspectionId),
    check('cases_revision_positive', sql`${t.revision} >= 1`),
    check('cases_closed_when_final', sql`(${t.state} IN ('verified','reinstated','withdrawn')) = (${t.closedAt} IS NOT NULL)`),
    check('cases_deadline_when_ordered', sql`${t.state} NOT IN ('ordered','notified') OR ${t.deadline} IS NOT NULL`),
    index('cases_subject_idx').on(t.subjectId, t.openedAt),
    index('cases_state_id_idx').on(t.state, t.id),
    index('cases_deadline_idx').on(t.deadline).where(sql`${t.state} IN ('ordered','notified')`),
    // The case list's default order is (opened_at, id) descending: with the id in the index, its first page
    // reads 51 rows even when thousands of cases share an opened_at (one import opens them all at once).
    index('cases_opened_id_idx').on(t.openedAt, t.id),
    index('cases_previous_idx').on(t.previousCaseId),
    index('cases_assignee_idx').on(t.assigneeId, t.id).where(sql`${t.assigneeId} IS NOT NULL`),
  ],
);

/** Internal comments on a case (DESIGN §3): staff only, never public, never shown to an operator's contact; append-only. */
export const caseComments = pgTable(
  'case_comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    authorUserId: integer('author_user_id').references(() => users.id),
    authorTokenId: integer('author_token_id').references(() => apiTokens.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_comments_case_idx').on(t.caseId, t.id),
    check('case_comments_author', sql`(${t.authorUserId} IS NULL) <> (${t.authorTokenId} IS NULL)`),
    check('case_comments_body', sql`length(${t.body}) BETWEEN 1 AND 4000`),
  ],
);

/** Every transition of a case: who, when, why, with what deadline, version and evidence. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    fromState: caseStateEnum('from_state'),
    toState: caseStateEnum('to_state').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorTokenId: integer('actor_token_id').references(() => apiTokens.id),
    reason: text('reason').notNull().default(''),
    deadline: date('deadline'),
    version: text('version'),
    noticeId: integer('notice_id').references((): AnyPgColumn => notices.id),
    /** The case's revision after this event: events of a case are ordered by it, one per revision. */
    revision: integer('revision').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_events_case_revision_uq').on(t.caseId, t.revision), index('case_events_at_idx').on(t.at)],
);

export const caseEventEvidence = pgTable(
  'case_event_evidence',
  {
    eventId: integer('event_id').notNull().references(() => caseEvents.id),
    sha256: text('sha256').notNull().references(() => evidence.sha256),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.sha256] })],
);

/** A re-test of a case: the version tested and its result. */
export const retests = pgTable(
  'retests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    eventId: integer('event_id').references(() => caseEvents.id),
    version: text('version').notNull(),
    result: retestResultEnum('result').notNull(),
    notes: text('notes').notNull().default(''),
    testedBy: integer('tested_by').references(() => users.id),
    testedAt: timestamp('tested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('retests_case_idx').on(t.caseId)],
);

/** A takedown record per store (下架) or host platform (禁止搜索). */
export const takedowns = pgTable(
  'takedowns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    store: text('store').notNull(),
    takenDownOn: date('taken_down_on').notNull(),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('takedowns_case_store_uq').on(t.caseId, t.store)],
);
