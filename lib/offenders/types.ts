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

/** The filter `flagged=confirmed` of the subject, operator and case lists (lib/offenders/marks.ts). */
export const FLAGGED_FILTERS = ['confirmed'] as const;
export type FlaggedFilter = (typeof FLAGGED_FILTERS)[number];
