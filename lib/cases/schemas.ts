import { z } from 'zod';
import { caseStateEnum } from '@/db/schema/enums';
import { evidenceRefSchema as sha256 } from '@/lib/evidence/ref';
import { MAX_DB_INT } from '@/lib/http/params';
import { isCalendarDate } from '@/lib/time';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.').refine(isCalendarDate, 'Not a calendar date.');

/** The body of a transition, for one case or many (DESIGN §6). */
const transitionFields = {
  to: z.enum(caseStateEnum.enumValues, { error: `One of: ${caseStateEnum.enumValues.join(', ')}.` }),
  reason: z.string().trim().max(4000, 'At most 4,000 characters.').optional(),
  deadline: isoDate.optional(),
  version: z.string().trim().min(1).max(100, 'At most 100 characters.').optional(),
  evidence: z.array(sha256).max(50, 'At most 50 evidence files.').optional(),
  takedownStores: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
};

export const transitionBodySchema = z.object({
  ...transitionFields,
  expectedRevision: z.number({ error: 'The revision you saw (expectedRevision) is required.' }).int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).'),
});

/** The most cases one bulk transition moves (DESIGN §6), all in one transaction. */
export const MAX_BULK_CASES = 5000;

export const bulkTransitionBodySchema = z.object({
  ...transitionFields,
  ids: z.array(z.number().int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).')).min(1, 'Name at least one case.').max(MAX_BULK_CASES, `At most ${MAX_BULK_CASES.toLocaleString('en')} cases at once (one transaction); split a larger set.`),
  /** Optional per-case revisions (`{ "12": 3 }`); cases not named are taken at their current revision. */
  expectedRevisions: z.record(z.string().regex(/^\d+$/), z.number().int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).')).optional(),
});

export type TransitionBody = z.infer<typeof transitionBodySchema>;

export function transitionRequestFrom(body: z.infer<typeof transitionBodySchema> | z.infer<typeof bulkTransitionBodySchema>) {
  return {
    to: body.to,
    input: { reason: body.reason, deadline: body.deadline, version: body.version, takedownStores: body.takedownStores },
    evidence: body.evidence,
  };
}
