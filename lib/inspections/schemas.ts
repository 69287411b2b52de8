import { campaignRefSchema } from '@/lib/campaigns/ref';
import { z } from 'zod';
import { inspectionMethodEnum, severityEnum } from '@/db/schema/enums';
import { evidenceRefSchema as sha256 } from '@/lib/evidence/ref';
import { officeToday } from '@/lib/time';
import { MAX_DB_INT } from '@/lib/http/params';

const isoDate = z
  .string({ error: 'The date is required.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Not a calendar date.')
  .refine((d) => d <= officeToday(), { message: 'The inspection date cannot be in the future.', params: { i18n: 'future' } });

export const findingInputSchema = z.object({
  category: z.string({ error: 'The category is required.' }).trim().min(1, 'The category is required.').max(60),
  severity: z.enum(severityEnum.enumValues, { error: `One of: ${severityEnum.enumValues.join(', ')}.` }),
  description: z.string({ error: 'The description is required.' }).trim().min(1, 'The description is required.').max(4000, 'At most 4,000 characters.'),
  /** Empty: the category's legal basis is used. */
  legalBasis: z.string().trim().max(2000, 'At most 2,000 characters.').optional(),
  evidence: z.array(sha256).max(20, 'At most 20 evidence files per finding.').default([]),
});

/** POST /api/v1/inspections and the /inspections/new form: an inspection with its findings. */
export const inspectionInputSchema = z.object({
  subjectId: z.coerce.number({ error: 'Choose the subject.' }).int().positive('Choose the subject.').max(MAX_DB_INT, 'Too large for this database (at most 2147483647).'),
  version: z.string({ error: 'The version is required.' }).trim().min(1, 'The version is required.').max(100, 'At most 100 characters.'),
  inspectedOn: isoDate,
  method: z.enum(inspectionMethodEnum.enumValues, { error: `One of: ${inspectionMethodEnum.enumValues.join(', ')}.` }),
  /** The campaign's id or its code. */
  campaignId: z.preprocess((v) => (v === '' ? null : v), campaignRefSchema.nullish()),
  notes: z.string().trim().max(4000, 'At most 4,000 characters.').optional().default(''),
  findings: z.array(findingInputSchema).min(1, 'Record at least one finding.').max(50, 'At most 50 findings.'),
});
export type InspectionInput = z.infer<typeof inspectionInputSchema>;
