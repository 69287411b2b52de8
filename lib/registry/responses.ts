import { z } from 'zod';
import { operators, storeListings, subjectIdentifiers, subjectLinks, subjectNames, subjects } from '@/db/schema';
import { identifierTypeEnum, platformEnum, subjectKindEnum } from '@/db/schema/enums';
import { caseState, count, day, int, iso, page, totals } from '@/lib/openapi/json';
import { rowSchema } from '@/lib/openapi/rows';

/**
 * What the registry's routes answer (operators, subjects, links): beside the request schemas of
 * ./schemas.ts and ./list-schemas.ts. The OpenAPI document describes the routes from these, and the
 * lib's row types are inferred from them (tests/integration/openapi-responses.test.ts checks real
 * answers against them).
 */
export const operatorRow = rowSchema(operators);
export const subjectRow = rowSchema(subjects);
const operatorRegion = {
  region: z.string().nullable().describe('The GB/T 2260 division code; null while the operator keeps an unmatched free-text region.'),
  regionName: z.string().describe('The division\'s name path (广东省 / 深圳市 / 南山区), or the unmatched free text.'),
  regionUnmatched: z.string().nullable().describe('A free-text region from before regions were codes that names no division (for an admin to fix).'),
};
/** An operator as the operators API answers it. */
export const operatorView = z.object({ id: int, name: z.string(), uscc: z.string(), ...operatorRegion, contact: z.string(), createdAt: iso, updatedAt: iso });
export const operatorListItem = z.object({
  id: int, name: z.string(), uscc: z.string(), ...operatorRegion, subjects: count,
  repeatOffender: z.boolean().describe('Under a confirmed repeat-offender flag (an operator-level one, or one on any of its subjects).'),
});
export const operatorListResponse = page(operatorListItem).extend(totals);
export const subjectListItem = z.object({
  id: int, name: z.string(), kind: z.enum(subjectKindEnum.enumValues), platform: z.enum(platformEnum.enumValues), sector: z.string(),
  operatorId: int.nullable(), operatorName: z.string().nullable(), createdAt: day,
  latestCaseId: int.nullable(), latestState: caseState.nullable(), latestDeadline: day.nullable(), overdue: z.boolean(), lastInspectedOn: day.nullable(),
  repeatOffender: z.boolean().describe('Under a confirmed repeat-offender flag (its own, or its operator’s).'),
  operatorRepeatOffender: z.boolean().describe('Its operator is under a confirmed repeat-offender flag.'),
});
export const subjectListResponse = page(subjectListItem).extend(totals);
export const operatorDetailResponse = z.object({ operator: operatorView, subjects: z.array(subjectListItem).max(200), moreSubjects: z.boolean() });
export const matchReason = z.union([
  z.object({ kind: z.literal('identifier'), type: z.enum(identifierTypeEnum.enumValues), value: z.string() }),
  z.object({ kind: z.literal('operator_name'), similarity: z.number() }),
]);
export const probableMatch = z.object({
  subjectId: int, name: z.string(), kind: z.string(), platform: z.string(), operatorName: z.string().nullable(), latestState: z.string().nullable(),
  removedOn: day.nullable().describe('When a case of the candidate is in state `removed`.'), score: z.number(),
  reasons: z.array(matchReason),
});
export const subjectCreatedResponse = z.object({ subject: subjectRow, probableMatches: z.array(probableMatch) });
export const subjectCaseItem = z.object({
  id: int, state: caseState, deadline: day.nullable(), overdue: z.boolean(), openedOn: day, foundVersion: z.string(), previousCaseId: int.nullable(),
  inspectionId: int, inspectedOn: day, method: z.string(), categories: z.array(z.string()),
});
export const subjectEvidenceItem = z.object({ inspectionId: int, findingId: int, category: z.string(), severity: z.string(), sha256: z.string(), mediaType: z.string(), byteSize: int, originalName: z.string() });
export const subjectDetailResponse = z.object({
  subject: subjectRow,
  operator: z.object({ id: int, name: z.string(), uscc: z.string(), region: z.string() }).nullable(),
  identifiers: z.array(rowSchema(subjectIdentifiers)),
  names: z.array(rowSchema(subjectNames)),
  storeListings: z.array(rowSchema(storeListings)),
  cases: z.array(subjectCaseItem).max(200),
  casesTotal: count,
  evidence: z.array(subjectEvidenceItem).max(200),
  evidenceTotal: count,
  links: z.array(z.object({ otherId: int, otherName: z.string(), verdict: z.enum(['linked', 'dismissed']), reason: z.string(), decidedAt: day })),
  probableMatches: z.array(probableMatch),
});
export const linkResponse = z.object({ link: rowSchema(subjectLinks) });

export type OperatorListRow = z.infer<typeof operatorListItem>;
export type SubjectListRow = z.infer<typeof subjectListItem>;
export type MatchReason = z.infer<typeof matchReason>;
export type ProbableMatch = z.infer<typeof probableMatch>;
export type SubjectCaseRow = z.infer<typeof subjectCaseItem>;
export type InspectionEvidenceRow = z.infer<typeof subjectEvidenceItem>;
