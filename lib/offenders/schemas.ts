import { REGION_REF } from '@/lib/regions/sql';
import { campaignRefSchema } from '@/lib/campaigns/ref';
import { z } from 'zod';
import { escalationEnum, flagRuleEnum, flagStatusEnum } from '@/db/schema/enums';
import { MAX_DB_INT } from '@/lib/http/params';

const oneOf = (values: readonly string[]) => ({ error: `One of: ${values.join(', ')}.` });

/** `POST /api/v1/offenders/{id}/review` and the review form. */
export const reviewBodySchema = z
  .object({
    decision: z.enum(['confirm', 'dismiss'], oneOf(['confirm', 'dismiss'])),
    reason: z.string().trim().max(4000, 'At most 4,000 characters.').optional().default(''),
    escalation: z.enum(escalationEnum.enumValues, oneOf(escalationEnum.enumValues)).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'confirm' && !b.escalation) {
      ctx.addIssue({ code: 'custom', path: ['escalation'], message: 'Confirming a flag needs an escalation (interview, credit_record or penalty_referral).', params: { i18n: 'escalationNeeded' } });
    }
    if (b.decision === 'dismiss' && !b.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Dismissing a flag needs a reason.', params: { i18n: 'reasonNeeded' } });
    }
    if (b.decision === 'dismiss' && b.escalation) {
      ctx.addIssue({ code: 'custom', path: ['escalation'], message: 'A dismissed flag has no escalation.', params: { i18n: 'noEscalationOnDismiss' } });
    }
  });
export type ReviewBody = z.infer<typeof reviewBodySchema>;

/** Queue filters, shared by `/offenders` (URL) and `GET /api/v1/offenders`. */
export const flagFiltersSchema = z.object({
  rule: z.enum(flagRuleEnum.enumValues, oneOf(flagRuleEnum.enumValues)).optional(),
  status: z.enum([...flagStatusEnum.enumValues, 'all'], oneOf([...flagStatusEnum.enumValues, 'all'])).optional().default('open'),
  sector: z.string().trim().min(1).max(64).optional(),
  /** A division code: flags of operators in it or under it (or `unmatched`). */
  region: z.string().trim().regex(REGION_REF, 'A 6-digit GB/T 2260 division code, or unmatched.').optional(),
  campaign: campaignRefSchema.optional(),
  operator: z.coerce.number().int().positive('An operator id is a positive integer.').max(MAX_DB_INT, 'Too large for this database (at most 2147483647).').optional(),
  /** Include flags whose condition no longer holds (hidden by default). */
  resolved: z.enum(['0', '1']).optional(),
  cursor: z.string().regex(/^\d{1,9}\.\d{1,9}$/, 'Use the nextCursor of the previous page.').optional(),
  limit: z.coerce.number().int().min(1).max(200, 'At most 200.').optional().default(50),
});
export type FlagFilters = z.infer<typeof flagFiltersSchema>;

/** `PUT /api/v1/offender-rules/{rule}` and the admin form. */
export const ruleUpdateSchema = z.object({
  threshold: z.coerce.number({ error: 'A whole number from 1 to 100.' }).int('A whole number.').min(1, 'At least 1.').max(100, 'At most 100.'),
  windowMonths: z.coerce.number({ error: 'A whole number of months from 1 to 120.' }).int('A whole number.').min(1, 'At least 1 month.').max(120, 'At most 120 months.'),
  enabled: z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === undefined || v === null ? false : v), z.boolean()).optional().default(true),
});
export const ruleParamSchema = z.enum(flagRuleEnum.enumValues, oneOf(flagRuleEnum.enumValues));
