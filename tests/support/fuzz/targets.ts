/**
 * What the fuzzer knows about each API route of e2e/authz/matrix.ts: a valid body to start from
 * (one field at a time is then made hostile), the query keys it reads, and valid path parameters.
 * A matrix row without an entry here fails the fuzz test, so a new route is never left unfuzzed.
 */
import { withUsccCheckDigit } from '../../../lib/domain/uscc';
import { addDays, officeToday } from '../../../lib/time';

export interface FuzzIds {
  operatorId: number;
  subjectId: number;
  otherSubjectId: number;
  caseId: number;
  noticeId: number;
  userId: number;
  tokenId: number;
  /** An operator's contact (DESIGN §9) of `operatorId`. */
  contactId: number;
}

export interface Target {
  /** Query keys the route reads (each request sets some of them to hostile values). */
  query?: string[];
  /** Query parameters a valid request needs (the fuzzer replaces or adds to them). */
  baseQuery?: [string, string][];
  /** Valid values of the path parameters. */
  params?: Record<string, string | string[]>;
  /** A body the route would accept (fresh each call). */
  body?: () => Record<string, unknown>;
  /** The body is multipart/form-data with a file; `fileNames` are names the route accepts. */
  multipart?: boolean;
  fileNames?: string[];
  /** A field whose bad value may be reported under another (cross-field rules). */
  related?: Record<string, string[]>;
  /** An accepted request may change nothing (and so record no audit event): revoking a revoked token. */
  noopOk?: boolean;
}

let n = 0;
const uniq = () => `${Date.now().toString(36)}${++n}`;
const STATS = ['campaign', 'sector', 'kind', 'platform', 'from', 'to'];
const PAGE = ['cursor', 'limit'];

export function fuzzTargets(ids: FuzzIds): Record<string, Target> {
  const id = (v: number) => ({ id: String(v) });
  const draft = () => ({
    kind: 'rectification',
    titleZh: `通报${uniq()}`,
    titleEn: `Notice ${uniq()}`,
    introZh: '尚有以下App未按要求完成整改。',
    introEn: 'These apps have not rectified.',
    deadline: addDays(officeToday(), 15),
    caseIds: [ids.caseId],
  });
  return {
    'GET /api/health': { query: ['x'] },
    'GET /api/v1/[...path]': { params: { path: ['no-such-thing'] } },
    'GET /api/v1/openapi.json': { query: ['x'] },
    'GET /api/v1/stats/summary': { query: STATS },
    'GET /api/v1/stats/by-sector': { query: STATS },
    'GET /api/v1/stats/by-category': { query: STATS },
    'GET /api/v1/stats/trend': { query: STATS },
    'GET /api/v1/stats/breakdown': { query: [...STATS, 'by'] },
    'GET /api/v1/stats/tables': { query: [...STATS, 'format', 'table', 'lang'], baseQuery: [['format', 'xlsx']] },
    'GET /api/v1/operators': { query: ['q', 'region', 'campaign', 'sector', 'kind', 'platform', 'flagged', ...PAGE] },
    'POST /api/v1/operators': {
      body: () => ({ name: `运营者${uniq()}`, uscc: withUsccCheckDigit(`91330100MA${String(100_000 + ++n).padStart(7, '0')}`), region: '330100', contact: 'a@b.cn' }),
    },
    'GET /api/v1/operators/[id]': { params: id(ids.operatorId) },
    'GET /api/v1/operators/[id]/contacts': { params: id(ids.operatorId) },
    'POST /api/v1/operators/[id]/contacts': { params: id(ids.operatorId), body: () => ({ name: `联系人${uniq()}`, email: `contact-${uniq()}@rectify.test` }) },
    'PATCH /api/v1/operators/[id]/contacts/[contactId]': { params: { id: String(ids.operatorId), contactId: String(ids.contactId) }, body: () => ({ disabled: false }) },
    'POST /api/portal/v1/activate': { body: () => ({ token: `no-such-token-${uniq()}`, password: 'Correct-Horse-9-Battery' }) },
    // The portal's own routes answer only an operator's contact (a session, never a token): they are
    // fuzzed over HTTP with a contact's session in tests/blackbox/portal-access.test.ts (CONTACT_ONLY below).
    'GET /api/portal/v1/cases': {},
    'GET /api/portal/v1/cases/[id]': { params: id(ids.caseId) },
    'POST /api/portal/v1/cases/[id]/acknowledge': { params: id(ids.caseId) },
    'POST /api/portal/v1/cases/[id]/report': { params: id(ids.caseId), body: () => ({ version: '2.0', description: 'fixed', evidence: [] }) },
    'POST /api/portal/v1/cases/[id]/extension-request': { params: id(ids.caseId), body: () => ({ until: addDays(officeToday(), 30), reason: 'fuzz' }) },
    'POST /api/portal/v1/cases/[id]/objection': { params: id(ids.caseId), body: () => ({ findingId: 1, reason: 'fuzz', evidence: [] }) },
    'POST /api/portal/v1/evidence': { multipart: true },
    'GET /api/portal/v1/evidence/[sha256]': { params: { sha256: '0'.repeat(64) }, query: ['disposition'] },
    'POST /api/v1/cases/[id]/extension': { params: id(ids.caseId), body: () => ({ until: addDays(officeToday(), 40), reason: 'fuzz' }), related: { id: ['until', 'state'], reason: ['until'] } },
    'GET /api/v1/portal-requests': {},
    'POST /api/v1/portal-requests/[id]/decision': { params: id(1), body: () => ({ decision: 'refuse', reason: 'fuzz' }) },
    'GET /api/v1/search': { query: ['q', 'limit', 'cursor'], baseQuery: [['q', '停车']] },
    'GET /api/v1/subjects': { query: ['q', 'kind', 'platform', 'sector', 'operator', 'state', 'overdue', 'sort', 'campaign', 'from', 'to', 'flagged', ...PAGE], related: { to: ['from'], from: ['to'] } },
    'POST /api/v1/subjects': {
      body: () => ({
        kind: 'app',
        platform: 'android',
        name: `应用${uniq()}`,
        sector: 'parking',
        operatorId: ids.operatorId,
        identifiers: [{ type: 'package_name', value: `com.fuzz.a${uniq()}` }],
        storeListings: [{ store: 'huawei', versionSeen: '1.0' }],
      }),
      related: { kind: ['platform'], identifiers: ['identifiers'] },
    },
    'GET /api/v1/subjects/[id]': { params: id(ids.subjectId) },
    'POST /api/v1/subjects/[id]/links': { params: id(ids.subjectId), body: () => ({ otherSubjectId: ids.otherSubjectId, verdict: 'dismissed', reason: 'different apps' }) },
    'POST /api/v1/inspections': {
      body: () => ({
        subjectId: ids.subjectId,
        version: '2.0.1',
        inspectedOn: addDays(officeToday(), -3),
        method: 'technical_test',
        notes: 'fuzz',
        findings: [{ category: 'collect_excessive', severity: 'high', description: '超范围收集', legalBasis: '', evidence: [] }],
      }),
    },
    'POST /api/v1/evidence': { multipart: true },
    'GET /api/v1/evidence/[sha256]': { params: { sha256: '0'.repeat(64) }, query: ['disposition'] },
    'GET /api/v1/cases': { query: ['state', 'sector', 'category', 'campaign', 'overdue', 'operator', 'subject', 'q', 'kind', 'platform', 'from', 'to', 'store', 'reached', 'flagged', 'assignee', 'sort', 'format', 'lang', ...PAGE], related: { to: ['from'], from: ['to'] } },
    'GET /api/v1/cases/[id]': { params: id(ids.caseId) },
    'POST /api/v1/cases/[id]/transitions': { params: id(ids.caseId), body: () => ({ to: 'ordered', reason: 'fuzz', deadline: addDays(officeToday(), 7), expectedRevision: 1 }) },
    'POST /api/v1/cases/transitions': { body: () => ({ ids: [ids.caseId], to: 'withdrawn', reason: 'fuzz', expectedRevisions: { [ids.caseId]: 1 } }) },
    'PUT /api/v1/cases/[id]/assignee': { params: id(ids.caseId), body: () => ({ userId: ids.userId }), noopOk: true },
    'GET /api/v1/cases/[id]/comments': { params: id(ids.caseId), query: PAGE },
    'POST /api/v1/cases/[id]/comments': { params: id(ids.caseId), body: () => ({ body: `内部意见 ${uniq()}` }) },
    'GET /api/v1/users/me': {},
    'GET /api/v1/settings/default-deadline': {},
    'PUT /api/v1/settings/default-deadline': { body: () => ({ days: 10 }) },
    'GET /api/v1/offenders': { query: ['rule', 'status', 'sector', 'region', 'campaign', 'operator', 'resolved', ...PAGE] },
    'GET /api/v1/offenders/[id]': { params: id(1) },
    'POST /api/v1/offenders/[id]/review': { params: id(1), body: () => ({ decision: 'dismiss', reason: 'not the same operator' }), related: { decision: ['reason', 'escalation'] } },
    'GET /api/v1/offender-rules': {},
    'PUT /api/v1/offender-rules/[rule]': { params: { rule: 'operator_recurrence' }, body: () => ({ threshold: 3, windowMonths: 12, enabled: true }) },
    'GET /api/v1/notices': { query: ['status'] },
    'POST /api/v1/notices': { body: draft },
    'GET /api/v1/notices/candidates': { query: ['kind', 'sector', 'region', 'q', 'campaign', 'cursor', 'limit'], baseQuery: [['kind', 'rectification']] },
    'GET /api/v1/notices/[id]': { params: id(ids.noticeId) },
    'PATCH /api/v1/notices/[id]': { params: id(ids.noticeId), body: () => ({ ...draft(), expectedRevision: 1 }) },
    'POST /api/v1/notices/[id]/approve': { params: id(ids.noticeId) },
    'POST /api/v1/notices/[id]/publish': { params: id(ids.noticeId) },
    'GET /api/v1/users': {},
    'GET /api/v1/campaigns': { query: ['status', 'cursor', 'limit'] },
    'POST /api/v1/campaigns': { body: () => ({ code: `fz-${String(uniq()).toLowerCase().replace(/[^a-z0-9_]/g, '')}`, nameZh: '模糊测试专项', nameEn: 'Fuzz action', startsOn: '2026-01-01', endsOn: '2026-12-31', sectors: ['parking'] }) },
    'GET /api/v1/campaigns/[idOrCode]': { params: { idOrCode: 'no-such-campaign' } },
    'PATCH /api/v1/campaigns/[idOrCode]': { params: { idOrCode: 'no-such-campaign' }, body: () => ({ nameZh: '模糊测试专项', nameEn: 'Fuzz action' }) },
    'GET /api/v1/sectors': {},
    'POST /api/v1/sectors': { body: () => ({ code: `fz_${String(uniq()).toLowerCase().replace(/[^a-z0-9_]/g, '')}`, labelZh: '模糊', labelEn: 'Fuzz' }) },
    'PATCH /api/v1/sectors/[code]': { params: { code: 'parking' }, body: () => ({ labelZh: '停车扫码缴费', labelEn: 'Parking QR payment' }) },
    'GET /api/v1/categories': {},
    'POST /api/v1/categories': { body: () => ({ code: `fz_${String(uniq()).toLowerCase().replace(/[^a-z0-9_]/g, '')}`, labelZh: '模糊', labelEn: 'Fuzz', legalBasisZh: '依据', legalBasisEn: 'Basis' }) },
    'PATCH /api/v1/categories/[code]': { params: { code: 'collect_excessive' }, body: () => ({ labelZh: '超范围收集个人信息', labelEn: 'Collection beyond scope' }) },
    'GET /api/v1/stores': {},
    'GET /api/v1/regions': { query: ['q', 'parent', 'retired', ...PAGE] },
    'POST /api/v1/stores': { body: () => ({ code: `fz_${String(uniq()).toLowerCase().replace(/[^a-z0-9_]/g, '')}`, labelZh: '模糊商店', labelEn: 'Fuzz store' }) },
    'PATCH /api/v1/stores/[code]': { params: { code: 'huawei' }, body: () => ({ labelZh: '华为应用市场', labelEn: 'Huawei AppGallery' }) },
    'POST /api/v1/users': { body: () => ({ email: `u${uniq()}@rectify.test`, name: 'Fuzz user', role: 'inspector', password: 'Correct-Horse-9-Battery' }) },
    'PATCH /api/v1/users/[id]': { params: id(ids.userId), body: () => ({ role: 'inspector', disabled: false }) },
    'GET /api/v1/tokens': {},
    'POST /api/v1/tokens': { body: () => ({ name: `fuzz ${uniq()}`, role: 'inspector' }) },
    'DELETE /api/v1/tokens/[id]': { params: id(ids.tokenId), noopOk: true },
    'GET /api/v1/imports': { query: PAGE },
    'POST /api/v1/imports': { multipart: true, fileNames: ['rows.csv', 'rows.ndjson', 'rows.jsonl'], query: ['filename', 'dryRun'] },
    'GET /api/v1/imports/[id]': { params: id(1) },
    'GET /api/v1/imports/[id]/rejections': { params: id(1) },
    'POST /api/v1/imports/[id]/cancel': { params: id(1) },
    'GET /api/public/notices': { query: ['q', 'year', 'kind', 'sector', 'lang', ...PAGE] },
    'GET /api/public/notices/[slug]': { params: { slug: 'no-such-notice' }, query: ['format', 'lang'] },
    'GET /notices/feed.xml': { query: ['lang'] },
  };
}
