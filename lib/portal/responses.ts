import { z } from 'zod';
import { PORTAL_ACTION_KINDS, PORTAL_ACTION_STATUSES, portalActions } from '@/db/schema';
import { rowSchema } from '@/lib/openapi/rows';
import type { BeforeJson } from '@/lib/openapi/json';

/**
 * What the portal's routes answer (the contact's API, contacts, the office's queues and decisions),
 * beside their request schemas (./schemas.ts, ./contact-schemas.ts). The OpenAPI document describes
 * the routes from these, and the lib's row types are inferred from them.
 */
export const contactSchema = z.object({
  id: z.number().int(),
  operatorId: z.number().int(),
  name: z.string(),
  email: z.string(),
  status: z.enum(['invited', 'expired', 'active', 'disabled']),
  invitedAt: z.string().describe('ISO 8601'),
  activationExpiresAt: z.string().describe('ISO 8601'),
  activatedAt: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
});
export const fileSchema = z.object({ sha256: z.string(), originalName: z.string(), mediaType: z.string(), byteSize: z.number().int() });
export const actionSchema = z.object({
  id: z.number().int(), caseId: z.number().int(), kind: z.enum(PORTAL_ACTION_KINDS), status: z.enum(PORTAL_ACTION_STATUSES), findingId: z.number().int().nullable(),
  until: z.string().nullable(), version: z.string().nullable(), body: z.string(), decisionReason: z.string().nullable(), createdAt: z.string(), decidedAt: z.string().nullable(),
});
export const portalCaseRowSchema = z.object({
  id: z.number().int(), state: z.string(), deadline: z.string().nullable(), overdue: z.boolean(), openedAt: z.string(), subjectId: z.number().int(), subjectName: z.string(),
  findings: z.number().int(), acknowledged: z.boolean().describe('The current order was acknowledged.'), pending: z.number().int().describe('Requests waiting for a decision.'),
});
export const portalCaseSchema = z.object({
  case: z.object({ id: z.number().int(), state: z.string(), deadline: z.string().nullable(), overdue: z.boolean(), revision: z.number().int(), openedAt: z.string(), foundVersion: z.string(), claimedVersion: z.string().nullable(), retestVersion: z.string().nullable(), acknowledged: z.boolean() }),
  subject: z.object({ id: z.number().int(), name: z.string(), kind: z.string(), platform: z.string() }),
  findings: z.array(z.object({ id: z.number().int(), category: z.string(), severity: z.string(), description: z.string(), legalBasis: z.string(), labelZh: z.string(), labelEn: z.string(), legalBasisZh: z.string(), legalBasisEn: z.string(), evidence: z.array(fileSchema) })),
  events: z.array(z.object({ fromState: z.string().nullable(), toState: z.string(), deadline: z.string().nullable(), version: z.string().nullable(), at: z.string(), byContact: z.boolean() })).describe('State changes: never who made them (inspectors) or their notes.'),
  actions: z.array(actionSchema.omit({ caseId: true }).extend({ evidence: z.array(fileSchema) })),
  extensions: z.array(z.object({ fromDeadline: z.string(), until: z.string(), reason: z.string(), at: z.string() })),
  notices: z.array(z.object({ id: z.number().int(), slug: z.string().nullable(), titleZh: z.string(), titleEn: z.string(), kind: z.string(), publishedAt: z.string().nullable() })).describe('Published notices naming the case.'),
});
export const queueCaseSchema = z.object({ id: z.number().int(), subjectName: z.string(), operatorName: z.string().nullable(), deadline: z.string().nullable(), at: z.string(), detail: z.string().nullable(), viaPortal: z.boolean() });
export const pendingRequestSchema = queueCaseSchema.extend({ actionId: z.number().int(), kind: z.enum(['extension', 'objection']), until: z.string().nullable() });
export const portalQueuesResponse = z.object({ pending: z.array(pendingRequestSchema), fixesToVerify: z.array(queueCaseSchema), unacknowledged: z.array(queueCaseSchema) });
export const portalCaseListResponse = z.object({ items: z.array(portalCaseRowSchema), nextCursor: z.string().nullable(), total: z.number().int(), open: z.number().int() });
export const extensionResponse = z.object({ extension: z.object({ id: z.number().int(), caseId: z.number().int(), fromDeadline: z.string(), until: z.string(), reason: z.string(), at: z.string() }).passthrough() });
/** A contact's request as the office's decision answers it (the table's row). */
export const portalActionRow = rowSchema(portalActions);

export type ContactStatus = z.infer<typeof contactSchema>['status'];
/** What staff see of a contact: never its password or activation secret. */
export type ContactView = BeforeJson<z.infer<typeof contactSchema>, 'invitedAt' | 'activationExpiresAt' | 'activatedAt' | 'lastSignInAt' | 'disabledAt'>;
export type PortalCaseRow = BeforeJson<z.infer<typeof portalCaseRowSchema>, 'openedAt'>;
export type QueueCase = BeforeJson<z.infer<typeof queueCaseSchema>, 'at'>;
export type PendingRequest = BeforeJson<z.infer<typeof pendingRequestSchema>, 'at'>;
