import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { caseEvents, cases } from './cases';
import { evidence, findings } from './inspections';
import { apiTokens, users } from './users';

export const PORTAL_ACTION_KINDS = ['acknowledge', 'report', 'extension', 'objection'] as const;
export const PORTAL_ACTION_STATUSES = ['done', 'pending', 'granted', 'refused', 'finding_upheld', 'case_withdrawn'] as const;

/**
 * What an operator's contact does on a case (DESIGN §9), on the record: acknowledging the order,
 * reporting the fix (its `rectified` transition is `case_event_id`), asking for more time (`until`),
 * objecting to a finding (`finding_id`). Requests wait `pending` until a supervisor decides, with a
 * reason the contact sees.
 */
export const portalActions = pgTable(
  'portal_actions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    kind: text('kind', { enum: PORTAL_ACTION_KINDS }).notNull(),
    contactUserId: integer('contact_user_id').notNull().references(() => users.id),
    findingId: integer('finding_id').references(() => findings.id),
    until: date('until'),
    version: text('version'),
    body: text('body').notNull().default(''),
    caseEventId: integer('case_event_id').references(() => caseEvents.id),
    status: text('status', { enum: PORTAL_ACTION_STATUSES }).notNull(),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id),
    decidedByTokenId: integer('decided_by_token_id').references(() => apiTokens.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('portal_actions_case_idx').on(t.caseId, t.id),
    index('portal_actions_pending_idx').on(t.kind, t.createdAt).where(sql`${t.status} = 'pending'`),
    check('portal_actions_kind', sql`${t.kind} IN ('acknowledge','report','extension','objection')`),
    check('portal_actions_status', sql`${t.status} IN ('done','pending','granted','refused','finding_upheld','case_withdrawn')`),
    check('portal_actions_until', sql`(${t.kind} = 'extension') = (${t.until} IS NOT NULL)`),
    check('portal_actions_finding', sql`(${t.kind} = 'objection') = (${t.findingId} IS NOT NULL)`),
    check(
      'portal_actions_status_of_kind',
      sql`CASE ${t.kind} WHEN 'extension' THEN ${t.status} IN ('pending','granted','refused') WHEN 'objection' THEN ${t.status} IN ('pending','finding_upheld','case_withdrawn') ELSE ${t.status} = 'done' END`,
    ),
    check('portal_actions_decided', sql`(${t.decidedAt} IS NOT NULL) = (${t.status} IN ('granted','refused','finding_upheld','case_withdrawn'))`),
  ],
);

/** Evidence a contact attached to a fix report or an objection. */
export const portalActionEvidence = pgTable(
  'portal_action_evidence',
  {
    actionId: integer('action_id').notNull().references(() => portalActions.id),
    sha256: text('sha256').notNull().references(() => evidence.sha256),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.sha256] })],
);

/**
 * Files a contact uploaded (content-addressed evidence is shared: this row proves that the contact
 * itself sent these bytes, so it can attach them and read them back, and never another's file).
 */
export const portalUploads = pgTable(
  'portal_uploads',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    sha256: text('sha256').notNull().references(() => evidence.sha256),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sha256] })],
);

/**
 * A deadline extension (DESIGN §3): a new date and a reason, by a supervisor, or on a contact's
 * request a supervisor granted (`portal_action_id`). The case keeps its state; this is an event on
 * its timeline.
 */
export const caseExtensions = pgTable(
  'case_extensions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    fromDeadline: date('from_deadline').notNull(),
    until: date('until').notNull(),
    reason: text('reason').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorTokenId: integer('actor_token_id').references(() => apiTokens.id),
    portalActionId: integer('portal_action_id').references(() => portalActions.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_extensions_case_idx').on(t.caseId, t.id),
    check('case_extensions_later', sql`${t.until} > ${t.fromDeadline}`),
    check('case_extensions_actor', sql`(${t.actorUserId} IS NULL) <> (${t.actorTokenId} IS NULL)`),
  ],
);
