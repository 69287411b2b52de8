import { z } from 'zod';
import { offenderFlags, offenderRules } from '@/db/schema';
import { escalationEnum, flagRuleEnum, flagStatusEnum } from '@/db/schema/enums';
import { caseState, count, day, int, iso, page, type BeforeJson } from '@/lib/openapi/json';
import { rowSchema } from '@/lib/openapi/rows';

/**
 * What the repeat-offender routes answer, beside their request schemas (./schemas.ts). The OpenAPI
 * document describes the routes from these, and the lib's row types are inferred from them.
 */
const explanation = z.record(z.string(), z.unknown()).describe('Why the rule fired: the rule, its threshold and window, and the cases behind it.');
export const flagRow = rowSchema(offenderFlags).extend({ explanation });
export const flagListItem = z.object({
  id: int, rule: z.enum(flagRuleEnum.enumValues), targetKey: z.string(), status: z.enum(flagStatusEnum.enumValues), weight: z.number(),
  operatorId: int.nullable(), operatorName: z.string().nullable(), region: z.string().nullable(),
  subjectId: int.nullable(), subjectName: z.string().nullable(), campaignId: int.nullable(), caseCount: count, explanation,
  escalation: z.enum(escalationEnum.enumValues).nullable(), resolvedAt: iso.nullable(), firstRaisedAt: iso, updatedAt: iso,
});
export const flagListResponse = page(flagListItem);
export const flagCaseItem = z.object({
  id: int, state: caseState, subjectId: int, subjectName: z.string(), kind: z.string(), platform: z.string(), sector: z.string(), inspectedOn: day, campaignId: int.nullable(),
  categories: z.array(z.string()), severity: z.string().nullable(), closedAt: iso.nullable(), firstRemovedAt: iso.nullable(),
});
export const reviewEvent = z.object({
  flagId: int, action: z.string(), at: iso, actorName: z.string().nullable(),
  after: z.object({ status: z.string().optional(), escalation: z.string().nullable().optional(), reason: z.string().optional(), newCaseIds: z.array(int).optional() }).loose().nullable().describe('The flag after the review (the audit event’s after).'),
});
export const flagDetailResponse = z.object({ flag: flagRow, cases: z.array(flagCaseItem), casesTotal: count, history: z.array(reviewEvent) });
export const flagResponse = z.object({ flag: flagRow });
const ruleRow = rowSchema(offenderRules);
export const rulesResponse = z.object({ rules: z.array(ruleRow) });
export const ruleUpdatedResponse = z.object({ rule: ruleRow, recomputed: z.array(z.object({ rule: z.string(), changed: count, resolved: count, reopened: count, ms: z.number() })) });

/** A flag of the list as lib reads it: timestamps still Dates, the explanation jsonb as drizzle reads it (lib/offenders/explanation.ts reads it). */
export type FlagListItem = BeforeJson<Omit<z.infer<typeof flagListItem>, 'explanation'>, 'resolvedAt' | 'firstRaisedAt' | 'updatedAt'> & { explanation: unknown };
export type FlagCase = z.infer<typeof flagCaseItem>;
export type ReviewEvent = BeforeJson<z.infer<typeof reviewEvent>, 'at'>;
