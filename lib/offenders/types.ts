import { flagRuleEnum, flagStatusEnum, escalationEnum } from '@/db/schema/enums';
import type { offenderFlags, offenderRules } from '@/db/schema';

export const FLAG_RULES = flagRuleEnum.enumValues;
export type FlagRule = (typeof FLAG_RULES)[number];
export const FLAG_STATUSES = flagStatusEnum.enumValues;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export const ESCALATIONS = escalationEnum.enumValues;
export type Escalation = (typeof ESCALATIONS)[number];

export type FlagRow = typeof offenderFlags.$inferSelect;
export type RuleRow = typeof offenderRules.$inferSelect;

/** The thresholds a rule runs with (from offender_rules; a disabled rule raises nothing). */
export interface RuleParams {
  threshold: number;
  windowMonths: number;
  enabled: boolean;
}

/**
 * The filter `flagged=` of the subject, operator and case lists: `confirmed` (under a confirmed flag,
 * lib/offenders/marks.ts) or `active` (under a flag of any rule not dismissed and still holding, in the
 * list's campaign/sector/kind/platform: lib/offenders/active.ts, what the dashboard counts).
 */
export const FLAGGED_FILTERS = ['confirmed', 'active'] as const;
export type FlaggedFilter = (typeof FLAGGED_FILTERS)[number];
