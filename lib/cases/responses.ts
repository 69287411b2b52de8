import { z } from 'zod';
import { caseEvents, cases, findings, inspections, notices, operators, retests, storeListings, subjects, takedowns } from '@/db/schema';
import { platformEnum, subjectKindEnum } from '@/db/schema/enums';
import { caseState, day, int, iso, page, storedFile } from '@/lib/openapi/json';
import { rowSchema } from '@/lib/openapi/rows';

/**
 * What the case routes answer, beside their request schemas (./schemas.ts, ./filters.ts). The OpenAPI
 * document describes the routes from these, and the list row's type is inferred from them.
 */
export const caseRow = rowSchema(cases);
export const caseListItem = z.object({
  id: int, state: caseState, revision: int, deadline: day.nullable(), openedAt: iso, foundVersion: z.string(), overdue: z.boolean(), previousCaseId: int.nullable(),
  subjectId: int, subjectName: z.string(), subjectKind: z.enum(subjectKindEnum.enumValues), platform: z.enum(platformEnum.enumValues), sector: z.string(),
  operatorId: int.nullable(), operatorName: z.string().nullable(), campaignId: int.nullable(), campaignCode: z.string().nullable(),
  assigneeId: int.nullable(), assigneeName: z.string().nullable(), categories: z.array(z.string()),
  repeatOffender: z.boolean().describe('The case’s subject is under a confirmed repeat-offender flag (its own, or its operator’s operator-level one).'),
  operatorRepeatOffender: z.boolean().describe('The subject’s operator is under a confirmed repeat-offender flag.'),
});
export const caseListResponse = page(caseListItem);
const linkedCase = rowSchema(cases, { pick: ['id', 'state', 'openedAt', 'closedAt'] });
export const caseDetailResponse = z.object({
  case: caseRow.extend({ overdue: z.boolean() }),
  assignee: z.object({ id: int, name: z.string() }).nullable(),
  subject: rowSchema(subjects),
  operator: rowSchema(operators).nullable(),
  stores: z.array(rowSchema(storeListings, { pick: ['store', 'versionSeen'] })),
  inspection: rowSchema(inspections, { pick: ['id', 'version', 'inspectedOn', 'method', 'source', 'externalRef', 'notes'] }).extend({
    campaign: z.object({ id: int, code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
    inspectorName: z.string().nullable(),
  }),
  findings: z.array(rowSchema(findings).extend({ evidence: z.array(storedFile) })),
  events: z.array(rowSchema(caseEvents, { pick: ['id', 'fromState', 'toState', 'reason', 'deadline', 'version', 'revision', 'at'] }).extend({
    actorName: z.string().nullable(),
    actorKind: z.enum(['user', 'token']).nullable(),
    notice: rowSchema(notices, { pick: ['id', 'slug', 'titleZh', 'titleEn', 'kind', 'status'] }).nullable(),
    evidence: z.array(storedFile),
  })),
  retests: z.array(rowSchema(retests, { pick: ['id', 'eventId', 'version', 'result', 'notes', 'testedAt'] }).extend({ testedBy: z.string().nullable() })),
  takedowns: z.array(rowSchema(takedowns, { pick: ['id', 'store', 'takenDownOn', 'note'] }).extend({ confirmedBy: z.string().nullable() })),
  previousCase: linkedCase.nullable(),
  laterCases: z.array(linkedCase),
});
export const caseResponse = z.object({ case: caseRow });
export const casesResponse = z.object({ cases: z.array(caseRow) });
export const deadlineDaysResponse = z.object({ days: int.positive().describe('Calendar days from the order.') });

export type CaseListItem = z.infer<typeof caseListItem>;
