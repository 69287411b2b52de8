import { bigint, boolean, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { caseStateEnum, platformEnum, subjectKindEnum } from './enums';

/**
 * Dashboard rollups (docs/decisions/0004-dashboard-rollups.md). Maintained by statement-level
 * triggers on the base tables (db/migrations/*_stats_rollup_triggers.sql), so every write and every
 * bulk import keeps them exact; never written by application code. Shared dimensions:
 * `month` = first day of the inspection's month, `campaign_id` = 0 when none, and the subject's
 * sector, kind and platform. Counts may reach 0 (rows are kept); readers sum them.
 */
const dims = {
  month: date('month').notNull(),
  campaignId: integer('campaign_id').notNull(),
  sector: text('sector').notNull(),
  kind: subjectKindEnum('kind').notNull(),
  platform: platformEnum('platform').notNull(),
};
const n = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/** Registered subjects per sector, kind and platform. */
export const statsSubjects = pgTable(
  'stats_subjects',
  { sector: text('sector').notNull(), kind: subjectKindEnum('kind').notNull(), platform: platformEnum('platform').notNull(), subjects: n('subjects') },
  (t) => [primaryKey({ columns: [t.sector, t.kind, t.platform] })],
);

/** Inspections per month and dimensions. */
export const statsInspections = pgTable('stats_inspections', { ...dims, inspections: n('inspections') }, (t) => [
  primaryKey({ columns: [t.month, t.campaignId, t.sector, t.kind, t.platform] }),
]);

/** Findings per month, dimensions and violation category. */
export const statsFindings = pgTable('stats_findings', { ...dims, category: text('category').notNull(), findings: n('findings') }, (t) => [
  primaryKey({ columns: [t.month, t.campaignId, t.sector, t.kind, t.platform, t.category] }),
]);

/**
 * Cases per month, dimensions, current state and deadline (`infinity` unless the case runs against a
 * deadline), with the cumulative funnel facts. Overdue = state ordered/notified and deadline < today.
 */
export const statsCases = pgTable(
  'stats_cases',
  {
    ...dims,
    state: caseStateEnum('state').notNull(),
    deadline: date('deadline').notNull(),
    cases: n('cases'),
    ordered: n('ordered'),
    notified: n('notified'),
    removed: n('removed'),
  },
  (t) => [primaryKey({ columns: [t.month, t.campaignId, t.sector, t.kind, t.platform, t.state, t.deadline] })],
);

/** Cases opened and closed per calendar month of the event (office time zone), by dimensions. */
export const statsCaseFlow = pgTable(
  'stats_case_flow',
  {
    eventMonth: date('event_month').notNull(),
    campaignId: integer('campaign_id').notNull(),
    sector: text('sector').notNull(),
    kind: subjectKindEnum('kind').notNull(),
    platform: platformEnum('platform').notNull(),
    opened: n('opened'),
    closed: n('closed'),
  },
  (t) => [primaryKey({ columns: [t.eventMonth, t.campaignId, t.sector, t.kind, t.platform] })],
);

/** Verified cases by whole days from the first order (case_events) to verification. */
export const statsVerifyDays = pgTable('stats_verify_days', { ...dims, days: integer('days').notNull(), cases: n('cases') }, (t) => [
  primaryKey({ columns: [t.month, t.campaignId, t.sector, t.kind, t.platform, t.days] }),
]);

/** Cases per store the subject is listed on (a case counts once for every store of its subject). */
export const statsStoreCases = pgTable('stats_store_cases', { ...dims, store: text('store').notNull(), cases: n('cases') }, (t) => [
  primaryKey({ columns: [t.month, t.campaignId, t.sector, t.kind, t.platform, t.store] }),
]);

/** Cases per operator (0 = none) and dimensions, without the month (see the ADR for date ranges). */
export const statsOperatorCases = pgTable(
  'stats_operator_cases',
  {
    operatorId: integer('operator_id').notNull(),
    campaignId: integer('campaign_id').notNull(),
    sector: text('sector').notNull(),
    kind: subjectKindEnum('kind').notNull(),
    platform: platformEnum('platform').notNull(),
    cases: n('cases'),
    openCases: n('open_cases'),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.campaignId, t.sector, t.kind, t.platform] })],
);

/**
 * The stats version (db/migrations/0025_stats_version.sql, docs/decisions/0012): one row, raised at
 * the commit of every transaction that changes what the dashboard's figures read.
 */
export const statsVersion = pgTable('stats_version', {
  one: boolean('one').primaryKey().default(true),
  version: bigint('version', { mode: 'number' }).notNull(),
});
