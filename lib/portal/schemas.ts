import { z } from 'zod';
import { pageParams } from '@/lib/http/cursor';
import { MAX_DB_INT } from '@/lib/http/params';

/** Limits of the portal's writes (documented in the OpenAPI document). */
export const PORTAL_TEXT_MAX = 4000;
export const PORTAL_EVIDENCE_MAX = 20;
/** How far ahead a new deadline may be asked for or given: at most this many days after today. */
export const EXTENSION_MAX_DAYS = 180;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (what: string) => z.string({ error: `${what} is required.` }).trim().min(1, `${what} is required.`).max(PORTAL_TEXT_MAX, `At most ${PORTAL_TEXT_MAX} characters.`);
const sha = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 of an uploaded file (64 lower-case hex digits).');
const files = z.array(sha, { error: 'A list of uploaded files (SHA-256).' }).max(PORTAL_EVIDENCE_MAX, `At most ${PORTAL_EVIDENCE_MAX} files.`).default([]);
const day = z.string({ error: 'A date (YYYY-MM-DD) is required.' }).regex(DATE, 'A date (YYYY-MM-DD).').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Not a calendar date.');

/** The contact's case list: a cursor page (`limit` ≤ 200, 50 by default), open work first. */
export const portalCaseListQuerySchema = z.object(pageParams);

/** Reporting the fix: the version claimed fixed, what was done, and the files showing it. */
export const reportBodySchema = z.object({
  version: z.string({ error: 'The version claimed fixed is required.' }).trim().min(1, 'The version claimed fixed is required.').max(100, 'At most 100 characters.'),
  description: text('What was fixed'),
  evidence: files,
});
export type ReportBody = z.infer<typeof reportBodySchema>;

/** A new deadline and why: what a contact asks for and what a supervisor grants (the same two fields). */
const untilAndReason = z.object({ until: day, reason: text('A reason') });

/** Asking for more time: the date asked for and why. */
export const extensionRequestSchema = untilAndReason;
export type ExtensionRequestBody = z.infer<typeof extensionRequestSchema>;

/** Objecting to a finding of the case, with the reason and the files supporting it. */
export const objectionSchema = z.object({
  findingId: z.number({ error: 'The finding objected to (its id).' }).int('The finding objected to (its id).').positive('The finding objected to (its id).').max(MAX_DB_INT, 'Too large for this database (at most 2147483647).'),
  reason: text('A reason'),
  evidence: files,
});
export type ObjectionBody = z.infer<typeof objectionSchema>;

/** A supervisor extends a deadline (DESIGN §3, §6: POST /api/v1/cases/{id}/extension). */
export const extensionSchema = untilAndReason;
export type ExtensionBody = z.infer<typeof extensionSchema>;

/** A supervisor's decision on a contact's request: extension (grant / refuse), objection (uphold the finding / withdraw the case). */
export const decisionSchema = z.object({
  decision: z.enum(['grant', 'refuse', 'uphold', 'withdraw'], { error: 'One of: grant, refuse (a request for time); uphold, withdraw (an objection).' }),
  reason: text('A reason the contact will see'),
});
export type DecisionBody = z.infer<typeof decisionSchema>;
