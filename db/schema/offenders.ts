import { sql } from 'drizzle-orm';
import {
  boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { escalationEnum, flagRuleEnum, flagStatusEnum } from './enums';
import { campaigns } from './inspections';
import { operators, subjects } from './registry';
import { users } from './users';

/** Thresholds of the repeat-offender rules, set by an admin. */
export const offenderRules = pgTable(
  'offender_rules',
  {
    rule: flagRuleEnum('rule').primaryKey(),
    threshold: integer('threshold').notNull(),
    windowMonths: integer('window_months').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('offender_rules_threshold', sql`${t.threshold} >= 1`),
    check('offender_rules_window', sql`${t.windowMonths} >= 1`),
  ],
);

/**
 * A rule's verdict on an operator or subject, waiting for a supervisor. `targetKey` identifies what
 * the flag is about (e.g. `operator:12`, `operator:12/campaign:3`, `subject:7/category:autostart`);
 * `evidenceKey` fingerprints the cases behind it, so a dismissed flag comes back only on new evidence.
 */
export const offenderFlags = pgTable(
  'offender_flags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    rule: flagRuleEnum('rule').notNull(),
    targetKey: text('target_key').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    subjectId: integer('subject_id').references(() => subjects.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    status: flagStatusEnum('status').notNull().default('open'),
    weight: integer('weight').notNull().default(0),
    explanation: jsonb('explanation').notNull(),
    evidenceKey: text('evidence_key').notNull(),
    /** The cases behind the verdict (sorted); `evidenceKey` is md5 of them. */
    caseIds: integer('case_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Set while the rule no longer holds (e.g. after a withdrawal); the flag is kept for the record. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    firstRaisedAt: timestamp('first_raised_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewReason: text('review_reason'),
    escalation: escalationEnum('escalation'),
    reviewedEvidenceKey: text('reviewed_evidence_key'),
    /** The cases the reviewer saw: a dismissed flag reopens only when a case outside this set appears. */
    reviewedCaseIds: integer('reviewed_case_ids').array(),
  },
  (t) => [
    check('offender_flags_target', sql`${t.operatorId} IS NOT NULL OR ${t.subjectId} IS NOT NULL`),
    check('offender_flags_confirm_escalation', sql`${t.status} <> 'confirmed' OR ${t.escalation} IS NOT NULL`),
    uniqueIndex('offender_flags_rule_target_uq').on(t.rule, t.targetKey),
    index('offender_flags_queue_idx').on(t.status, t.weight),
    index('offender_flags_operator_idx').on(t.operatorId),
    index('offender_flags_subject_idx').on(t.subjectId),
    // The "under a confirmed flag" marks and filters of every list (lib/offenders/marks.ts): a few rows each.
    index('offender_flags_confirmed_operator_idx').on(t.operatorId).where(sql`${t.status} = 'confirmed'`),
    index('offender_flags_confirmed_subject_idx').on(t.subjectId).where(sql`${t.status} = 'confirmed'`),
  ],
);
