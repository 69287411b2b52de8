import { z } from 'zod';
import {
  apiTokens, caseEvents, cases, findings, inspections, noticeEntries, notices, offenderFlags, offenderRules, operators, portalActions,
  retests, storeListings, subjectIdentifiers, subjectLinks, subjectNames, subjects, takedowns, users,
} from '@/db/schema';
import { caseStateEnum, platformEnum, subjectKindEnum } from '@/db/schema/enums';
import { rowSchema } from './rows';

/**
 * The answers of the registry, cases, offenders, notices and administration (issue #17): every 2xx
 * JSON body has its schema here or beside its lib (lib/stats/responses.ts, lib/imports/schemas.ts,
 * lib/search/schemas.ts, lib/users/me.ts). Rows are described from their table (lib/openapi/rows.ts),
 * so a column added to a table shows in the document, and a real answer that drifts from it fails
 * tests/integration/openapi-responses.test.ts.
 */
const int = z.number().int();
const count = int.min(0);
const iso = z.string().describe('ISO 8601');
const day = z.string().describe('YYYY-MM-DD');
const state = z.enum(caseStateEnum.enumValues);
const cursor = z.string().nullable().describe('Pass back as `cursor` for the next page; null on the last.');
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: cursor });
const file = z.object({ sha256: z.string(), byteSize: int, mediaType: z.string(), originalName: z.string() });

// Registry.
export const operatorRow = rowSchema(operators);
export const subjectRow = rowSchema(subjects);
const operatorRegion = {
  region: z.string().nullable().describe('The GB/T 2260 division code; null while the operator keeps an unmatched free-text region.'),
  regionName: z.string().describe('The division\'s name path (广东省 / 深圳市 / 南山区), or the unmatched free text.'),
  regionUnmatched: z.string().nullable().describe('A free-text region from before regions were codes that names no division (for an admin to fix).'),
};
/** An operator as the operators API answers it (lib/registry/operators.ts OperatorRow). */
export const operatorView = z.object({ id: int, name: z.string(), uscc: z.string(), ...operatorRegion, contact: z.string(), createdAt: iso, updatedAt: iso });
/** With `total=1`: every match, counted exactly up to 10,000 (`totalCapped` beyond). */
const totals = { total: count.optional().describe('With `total=1`: the matches, exact up to 10,000.'), totalCapped: z.boolean().optional().describe('With `total=1`: more than `total` match.') };
export const operatorListResponse = page(z.object({ id: int, name: z.string(), uscc: z.string(), ...operatorRegion, subjects: count, repeatOffender: z.boolean() })).extend(totals);
export const subjectListItem = z.object({
  id: int, name: z.string(), kind: z.enum(subjectKindEnum.enumValues), platform: z.enum(platformEnum.enumValues), sector: z.string(),
  operatorId: int.nullable(), operatorName: z.string().nullable(), createdAt: day,
  latestCaseId: int.nullable(), latestState: state.nullable(), latestDeadline: day.nullable(), overdue: z.boolean(), lastInspectedOn: day.nullable(),
  repeatOffender: z.boolean().describe('Under a confirmed repeat-offender flag (its own, or its operator’s).'),
  operatorRepeatOffender: z.boolean().describe('Its operator is under a confirmed repeat-offender flag.'),
});
export const subjectListResponse = page(subjectListItem).extend(totals);
export const operatorDetailResponse = z.object({ operator: operatorView, subjects: z.array(subjectListItem).max(200), moreSubjects: z.boolean() });
const probableMatch = z.object({
  subjectId: int, name: z.string(), kind: z.string(), platform: z.string(), operatorName: z.string().nullable(), latestState: z.string().nullable(),
  removedOn: day.nullable().describe('When a case of the candidate is in state `removed`.'), score: z.number(),
  reasons: z.array(z.union([z.object({ kind: z.literal('identifier'), type: z.string(), value: z.string() }), z.object({ kind: z.literal('operator_name'), similarity: z.number() })])),
});
export const subjectCreatedResponse = z.object({ subject: subjectRow, probableMatches: z.array(probableMatch) });
export const subjectDetailResponse = z.object({
  subject: subjectRow,
  operator: z.object({ id: int, name: z.string(), uscc: z.string(), region: z.string() }).nullable(),
  identifiers: z.array(rowSchema(subjectIdentifiers)),
  names: z.array(rowSchema(subjectNames)),
  storeListings: z.array(rowSchema(storeListings)),
  cases: z.array(z.object({ id: int, state, deadline: day.nullable(), overdue: z.boolean(), openedOn: day, foundVersion: z.string(), previousCaseId: int.nullable(), inspectionId: int, inspectedOn: day, method: z.string(), categories: z.array(z.string()) })).max(200),
  casesTotal: count,
  evidence: z.array(z.object({ inspectionId: int, findingId: int, category: z.string(), severity: z.string(), sha256: z.string(), mediaType: z.string(), byteSize: int, originalName: z.string() })).max(200),
  evidenceTotal: count,
  links: z.array(z.object({ otherId: int, otherName: z.string(), verdict: z.enum(['linked', 'dismissed']), reason: z.string(), decidedAt: day })),
  probableMatches: z.array(probableMatch),
});
export const linkResponse = z.object({ link: rowSchema(subjectLinks) });
export const evidenceStoredResponse = z.object({ sha256: z.string().describe('64 lower-case hex digits'), byteSize: int, mediaType: z.string() });
export const inspectionCreatedResponse = z.object({
  inspection: rowSchema(inspections),
  findings: z.array(rowSchema(findings).extend({ evidence: z.array(z.string()).describe('SHA-256 of each file.') })),
  case: rowSchema(cases),
});

// Cases.
export const caseRow = rowSchema(cases);
export const caseListResponse = page(z.object({
  id: int, state, revision: int, deadline: day.nullable(), openedAt: iso, foundVersion: z.string(), overdue: z.boolean(), previousCaseId: int.nullable(),
  subjectId: int, subjectName: z.string(), subjectKind: z.enum(subjectKindEnum.enumValues), platform: z.enum(platformEnum.enumValues), sector: z.string(),
  operatorId: int.nullable(), operatorName: z.string().nullable(), campaignId: int.nullable(), campaignCode: z.string().nullable(),
  assigneeId: int.nullable(), assigneeName: z.string().nullable(), categories: z.array(z.string()), repeatOffender: z.boolean(), operatorRepeatOffender: z.boolean(),
}));
const linkedCase = rowSchema(cases, { pick: ['id', 'state', 'openedAt', 'closedAt'] });
export const caseDetailResponse = z.object({
  case: caseRow.extend({ overdue: z.boolean() }),
  assignee: z.object({ id: int, name: z.string() }).nullable(),
  subject: subjectRow,
  operator: operatorRow.nullable(),
  stores: z.array(rowSchema(storeListings, { pick: ['store', 'versionSeen'] })),
  inspection: rowSchema(inspections, { pick: ['id', 'version', 'inspectedOn', 'method', 'source', 'externalRef', 'notes'] }).extend({
    campaign: z.object({ id: int, code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
    inspectorName: z.string().nullable(),
  }),
  findings: z.array(rowSchema(findings).extend({ evidence: z.array(file) })),
  events: z.array(rowSchema(caseEvents, { pick: ['id', 'fromState', 'toState', 'reason', 'deadline', 'version', 'revision', 'at'] }).extend({
    actorName: z.string().nullable(),
    actorKind: z.enum(['user', 'token']).nullable(),
    notice: rowSchema(notices, { pick: ['id', 'slug', 'titleZh', 'titleEn', 'kind', 'status'] }).nullable(),
    evidence: z.array(file),
  })),
  retests: z.array(rowSchema(retests, { pick: ['id', 'eventId', 'version', 'result', 'notes', 'testedAt'] }).extend({ testedBy: z.string().nullable() })),
  takedowns: z.array(rowSchema(takedowns, { pick: ['id', 'store', 'takenDownOn', 'note'] }).extend({ confirmedBy: z.string().nullable() })),
  previousCase: linkedCase.nullable(),
  laterCases: z.array(linkedCase),
});
export const caseResponse = z.object({ case: caseRow });
export const casesResponse = z.object({ cases: z.array(caseRow) });
export const deadlineDaysResponse = z.object({ days: int.positive().describe('Calendar days from the order.') });
export const portalActionRow = rowSchema(portalActions);

// Repeat offenders.
const explanation = z.record(z.string(), z.unknown()).describe('Why the rule fired: the rule, its threshold and window, and the cases behind it.');
export const flagRow = rowSchema(offenderFlags).extend({ explanation });
export const flagListResponse = page(z.object({
  id: int, rule: z.string(), targetKey: z.string(), status: z.string(), weight: z.number(), operatorId: int.nullable(), operatorName: z.string().nullable(), region: z.string().nullable(),
  subjectId: int.nullable(), subjectName: z.string().nullable(), campaignId: int.nullable(), caseCount: count, explanation,
  escalation: z.string().nullable(), resolvedAt: iso.nullable(), firstRaisedAt: iso, updatedAt: iso,
}));
export const flagDetailResponse = z.object({
  flag: flagRow,
  cases: z.array(z.object({
    id: int, state, subjectId: int, subjectName: z.string(), kind: z.string(), platform: z.string(), sector: z.string(), inspectedOn: day, campaignId: int.nullable(),
    categories: z.array(z.string()), severity: z.string().nullable(), closedAt: iso.nullable(), firstRemovedAt: iso.nullable(),
  })),
  casesTotal: count,
  history: z.array(z.object({ flagId: int, action: z.string(), at: iso, actorName: z.string().nullable(), after: z.unknown() })),
});
export const flagResponse = z.object({ flag: flagRow });
const ruleRow = rowSchema(offenderRules);
export const rulesResponse = z.object({ rules: z.array(ruleRow) });
export const ruleUpdatedResponse = z.object({ rule: ruleRow, recomputed: z.array(z.object({ rule: z.string(), changed: count, resolved: count, reopened: count, ms: z.number() })) });

// Notices.
export const noticeRow = rowSchema(notices);
export const noticeResponse = z.object({ notice: noticeRow });
export const noticeListResponse = z.object({
  notices: z.array(rowSchema(notices, { pick: ['id', 'kind', 'status', 'slug', 'titleZh', 'titleEn', 'deadline', 'year', 'batchInYear', 'batchOverall', 'correctsNoticeId', 'createdAt', 'approvedAt', 'publishedAt', 'createdBy'] }).extend({
    authorName: z.string(), approverName: z.string().nullable(), entries: count,
  })).max(200),
  total: count.describe('Every notice of the filter; more than the 200 listed when greater.'),
});
export const noticeDetailResponse = z.object({
  notice: noticeRow,
  authorName: z.string(),
  approverName: z.string().nullable(),
  corrects: rowSchema(notices, { pick: ['id', 'slug', 'titleZh', 'titleEn'] }).nullable(),
  correctedBy: z.array(rowSchema(notices, { pick: ['id', 'slug', 'titleZh', 'titleEn', 'status'] })),
  entries: z.array(rowSchema(noticeEntries).extend({ caseState: state.nullable().describe('The case as it is now.'), currentRevision: int.nullable() })),
});
export const candidatesResponse = z.object({
  items: z.array(z.object({
    caseId: int, revision: int, state, deadline: day.nullable(), overdue: z.boolean(), version: z.string(), subjectId: int, appName: z.string(), sector: z.string(), campaignId: int.nullable(),
    operatorName: z.string().nullable(), region: z.string().nullable(), filingNumber: z.string().nullable(), source: z.string().nullable(), sourceEn: z.string().nullable().describe('The source column in English.'), categories: z.array(z.string()),
  })),
  total: count,
  nextCursor: cursor,
});
const bilingual = z.object({ zh: z.string(), en: z.string() });
const publicLink = z.object({ slug: z.string(), title: bilingual, label: bilingual });
const publicNotice = publicLink.extend({
  kind: z.enum(notices.kind.enumValues), year: int, batchInYear: int, batchOverall: int, intro: bilingual, deadline: day.nullable(), publishedAt: iso, entryCount: count,
  corrects: publicLink.nullable(), correctedBy: z.array(publicLink),
});
export const publicNoticeListResponse = z.object({ notices: z.array(publicNotice), nextCursor: cursor });
export const publicNoticeResponse = publicNotice.extend({
  entries: z.array(z.object({
    no: int, appName: z.string(), operator: z.string(), source: bilingual, version: z.string(), filingNumber: z.string().nullable().describe('null: no filing number on record.'),
    region: z.string(), problems: bilingual, categories: z.array(z.string()), deadline: day.nullable(),
  })),
});

// Administration and meta.
export const userRow = rowSchema(users, { pick: ['id', 'email', 'name', 'role', 'disabledAt', 'lastSignInAt', 'createdAt'] });
export const tokenRow = rowSchema(apiTokens, { pick: ['id', 'name', 'role', 'prefix', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt'] });
export const healthResponse = z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) });
export const openApiResponse = z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }).loose().describe('An OpenAPI 3.1 document.');
