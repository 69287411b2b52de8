/**
 * Real answers against the OpenAPI document (issue #17): every operation of the registry is called with
 * a valid request as a role that may call it, and its status, media type and body are checked against
 * the document itself (Ajv over its JSON Schema 2020-12, tests/support/openapi-responses.ts), not
 * against the zod schemas it was generated from. Operations only a signed-in person may call (notice
 * writes, the operator's portal) are walked over HTTP with real sessions in
 * tests/blackbox/openapi-responses.test.ts; the two lists together must name every operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { createImportJob } from '../../lib/imports/jobs';
import { createDraft, approveNotice } from '../../lib/notices/commands';
import { publishNotice } from '../../lib/notices/publish';
import { openApiDocument } from '../../lib/openapi/document';
import { OPERATIONS, operationKey } from '../../lib/openapi/operations';
import { requestExtension } from '../../lib/portal/commands';
import { activateContact, inviteContact } from '../../lib/portal/contacts';
import { withUsccCheckDigit } from '../../lib/domain/uscc';
import { addDays, officeToday } from '../../lib/time';
import { SESSION_ONLY_OPERATIONS } from '../blackbox/support/session-operations';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, makeUser, withTaxonomies } from '../support/fixtures';
import { loadHandler, routeFileIndex } from '../support/fuzz/harness';
import { csvText, importRow } from '../support/import-file';
import { draftInput, makeOverdueCase } from '../support/notices';
import { flagFor, listStore } from '../support/offenders';
import { responseValidator } from '../support/openapi-responses';
import { makePng } from '../support/png';
import type { CallResult } from '../support/api';

type Caller = 'inspector' | 'supervisor' | 'admin' | 'public';
interface Step {
  /** `GET /api/v1/cases/{id}` as the registry names it. */
  op: string;
  as: Caller;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: FormData | string;
  headers?: Record<string, string>;
}

const doc = JSON.parse(JSON.stringify(openApiDocument())) as Parameters<typeof responseValidator>[0];
const check = responseValidator(doc);
const index = routeFileIndex();
let tokens: Record<Exclude<Caller, 'public'>, string>;
const answers: Record<string, CallResult> = {};
const walked = new Set<string>();
const problems: string[] = [];

/** The app-folder route of a documented path: `/api/v1/cases/{id}` → `/api/v1/cases/[id]`. */
const appRoute = (op: string) => op.replace(/\{(\w+)\}/g, '[$1]');

async function call(step: Step): Promise<CallResult> {
  const [method, pattern] = step.op.split(' ') as [string, string];
  const handler = await loadHandler(index, appRoute(step.op));
  const names = [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const values = pattern.split('/').map((seg, i) => (/^\{\w+\}$/.test(seg) ? step.path.split('/')[i]! : null)).filter((v): v is string => v !== null);
  const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i]!)]));
  const search = new URLSearchParams(step.query ?? {}).toString();
  const res = await callRoute(handler as never, {
    method,
    path: step.path + (search ? `?${search}` : ''),
    token: step.as === 'public' ? undefined : tokens[step.as],
    params,
    body: step.body,
    rawBody: step.rawBody,
    headers: step.headers,
  });
  walked.add(step.op);
  const contentType = res.headers.get('content-type');
  const isJson = /json/.test(contentType ?? '');
  const found = res.status >= 200 && res.status < 300 ? check({ operation: step.op, status: res.status, contentType, body: isJson ? res.json : undefined }) : [`${step.op}: ${res.status} ${res.text.slice(0, 300)}`];
  problems.push(...found);
  answers[step.op] ??= res;
  if (process.env.OPENAPI_RESPONSES_DUMP) {
    const fs = await import('node:fs');
    fs.writeFileSync(process.env.OPENAPI_RESPONSES_DUMP, JSON.stringify(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.json])), null, 1));
  }
  return res;
}

let ids: { operatorId: number; subjectId: number; otherSubjectId: number; caseId: number; bulkCaseId: number; orderedCaseId: number; userId: number; flagId: number; actionId: number; noticeId: number; slug: string };

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  const [inspector, supervisor, admin] = await Promise.all([createToken('inspector'), createToken('supervisor'), createToken('admin')]);
  tokens = { inspector, supervisor, admin };
  const boss = await makeUser('supervisor', '审核人');
  const author = await makeUser('supervisor', '起草人');
  const subject = await makeSubject({ name: '停车缴费小程序' }, [{ type: 'mini_program_appid', value: 'wx1234567890abcdef' }]);
  await listStore(subject.id);
  await makeOverdueCase({ subjectId: subject.id, daysAgo: 5 });
  const other = await makeSubject({ name: '停车缴费助手' });
  const fresh = await makeCase({ subjectId: subject.id });
  const bulk = await makeCase({ subjectId: subject.id });
  const ordered = await makeOverdueCase({ subjectId: other.id, daysAgo: -20 });
  const overdue = await makeOverdueCase({ subjectId: subject.id });
  // Three cases of one operator in a year raise a repeat-offender flag.
  const op = await makeOperator({ regionCode: '440300' });
  const repeat = await makeSubject({ operatorId: op.id, sector: 'finance', kind: 'app', platform: 'android' });
  for (const d of ['2026-01-10', '2026-03-10', '2026-05-10']) await makeCase({ subjectId: repeat.id, inspectedOn: d });
  const flag = await flagFor('operator_recurrence', `operator:${op.id}`);
  // A published notice, for the public pages.
  const db = await getDb();
  const draft = await createDraft(db, author, draftInput([overdue.id]));
  await approveNotice(db, boss, draft.id);
  const published = await publishNotice(db, boss, draft.id);
  // A contact's request for more time, for the office's decision.
  const { contact, activationPath } = await inviteContact(boss, other.operatorId!, { name: '周婷', email: 'openapi-responses@example.cn' });
  await activateContact({ token: new URLSearchParams(activationPath.split('?')[1]).get('token')!, password: 'Portal-Contact-2026!' });
  const action = await requestExtension({ kind: 'user', id: contact.id, role: 'operator_contact', name: contact.name, email: contact.email, operatorId: other.operatorId! }, ordered.id, { until: addDays(officeToday(), 40), reason: '需要更多时间' });
  ids = {
    operatorId: subject.operatorId!, subjectId: subject.id, otherSubjectId: other.id, caseId: fresh.id, bulkCaseId: bulk.id, orderedCaseId: ordered.id,
    userId: (await makeUser('inspector')).id, flagId: flag!.id, actionId: action.id, noticeId: published.id, slug: published.slug!,
  };
}, 120_000);
afterAll(teardownTestDatabase);

const png = (seed: number) => {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(makePng(seed, 20, 10))], { type: 'image/png' }), `shot-${seed}.png`);
  return form;
};

async function pollImport(id: number) {
  for (let i = 0; i < 300; i++) {
    const res = await call({ op: 'GET /api/v1/imports/{id}', as: 'inspector', path: `/api/v1/imports/${id}` });
    if (['succeeded', 'failed', 'cancelled'].includes(res.json?.job?.status)) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('every operation answers as the OpenAPI document says', () => {
  it('walks every operation with a valid request; each 2xx answer validates against the document', async () => {
    const today = officeToday();
    const stats = ['summary', 'by-sector', 'by-category', 'trend', 'breakdown'];
    for (const s of stats) await call({ op: `GET /api/v1/stats/${s}`, as: 'inspector', path: `/api/v1/stats/${s}` });
    await call({ op: 'GET /api/v1/stats/tables', as: 'inspector', path: '/api/v1/stats/tables', query: { format: 'xlsx' } });
    await call({ op: 'GET /api/v1/stats/tables', as: 'inspector', path: '/api/v1/stats/tables', query: { format: 'csv', table: 'by-sector' } });

    // The registry.
    await call({ op: 'GET /api/v1/search', as: 'inspector', path: '/api/v1/search', query: { q: '停车' } });
    await call({ op: 'GET /api/v1/operators', as: 'inspector', path: '/api/v1/operators' });
    await call({ op: 'POST /api/v1/operators', as: 'inspector', path: '/api/v1/operators', body: { name: '响应测试运营者', uscc: withUsccCheckDigit('91330100MA2000001'), region: '330100', contact: 'a@b.cn' } });
    await call({ op: 'GET /api/v1/operators/{id}', as: 'inspector', path: `/api/v1/operators/${ids.operatorId}` });
    await call({ op: 'GET /api/v1/subjects', as: 'inspector', path: '/api/v1/subjects' });
    await call({
      op: 'POST /api/v1/subjects', as: 'inspector', path: '/api/v1/subjects',
      body: { kind: 'app', platform: 'android', name: '停车缴费小程序', sector: 'parking', operatorId: ids.operatorId, identifiers: [{ type: 'package_name', value: 'com.example.parking' }], storeListings: [{ store: 'huawei', versionSeen: '1.0' }] },
    });
    await call({ op: 'POST /api/v1/subjects/{id}/links', as: 'inspector', path: `/api/v1/subjects/${ids.subjectId}/links`, body: { otherSubjectId: ids.otherSubjectId, verdict: 'dismissed', reason: 'different apps' } });
    const uploaded = await call({ op: 'POST /api/v1/evidence', as: 'inspector', path: '/api/v1/evidence', rawBody: png(1) });
    expect(uploaded.status).toBe(201);
    expect((await call({ op: 'POST /api/v1/evidence', as: 'inspector', path: '/api/v1/evidence', rawBody: png(1) })).status).toBe(200);
    const sha = uploaded.json.sha256 as string;
    await call({ op: 'GET /api/v1/evidence/{sha256}', as: 'inspector', path: `/api/v1/evidence/${sha}` });
    const inspected = await call({
      op: 'POST /api/v1/inspections', as: 'inspector', path: '/api/v1/inspections',
      body: { subjectId: ids.subjectId, version: '2.0.1', inspectedOn: addDays(today, -3), method: 'technical_test', notes: '', findings: [{ category: 'collect_excessive', severity: 'high', description: '超范围收集', legalBasis: '', evidence: [sha] }] },
    });

    await call({ op: 'GET /api/v1/cases/{id}', as: 'inspector', path: `/api/v1/cases/${inspected.json.case.id}` });
    await call({ op: 'GET /api/v1/subjects/{id}', as: 'inspector', path: `/api/v1/subjects/${ids.subjectId}` });

    // Contacts.
    await call({ op: 'GET /api/v1/operators/{id}/contacts', as: 'inspector', path: `/api/v1/operators/${ids.operatorId}/contacts` });
    const invited = await call({ op: 'POST /api/v1/operators/{id}/contacts', as: 'inspector', path: `/api/v1/operators/${ids.operatorId}/contacts`, body: { name: '李明', email: 'responses-contact@example.cn' } });
    await call({ op: 'PATCH /api/v1/operators/{id}/contacts/{contactId}', as: 'inspector', path: `/api/v1/operators/${ids.operatorId}/contacts/${invited.json.contact.id}`, body: { disabled: false } });
    const activation = new URL(invited.json.activationUrl as string).searchParams.get('token')!;
    await call({ op: 'POST /api/portal/v1/activate', as: 'public', path: '/api/portal/v1/activate', body: { token: activation, password: 'Portal-Contact-2026!' } });

    // Cases.
    await call({ op: 'GET /api/v1/cases', as: 'inspector', path: '/api/v1/cases' });
    await call({ op: 'GET /api/v1/cases', as: 'inspector', path: '/api/v1/cases', query: { format: 'csv' } });
    await call({ op: 'GET /api/v1/cases', as: 'inspector', path: '/api/v1/cases', query: { format: 'xlsx' } });
    await call({ op: 'GET /api/v1/cases/{id}', as: 'inspector', path: `/api/v1/cases/${ids.orderedCaseId}` });
    await call({ op: 'PUT /api/v1/cases/{id}/assignee', as: 'inspector', path: `/api/v1/cases/${ids.caseId}/assignee`, body: { userId: ids.userId } });
    await call({ op: 'POST /api/v1/cases/{id}/comments', as: 'inspector', path: `/api/v1/cases/${ids.caseId}/comments`, body: { body: '请补充证据' } });
    await call({ op: 'GET /api/v1/cases/{id}/comments', as: 'inspector', path: `/api/v1/cases/${ids.caseId}/comments` });
    await call({ op: 'POST /api/v1/cases/{id}/transitions', as: 'inspector', path: `/api/v1/cases/${ids.caseId}/transitions`, body: { to: 'ordered', deadline: addDays(today, 7), expectedRevision: 1 } });
    await call({ op: 'POST /api/v1/cases/transitions', as: 'supervisor', path: '/api/v1/cases/transitions', body: { ids: [ids.bulkCaseId], to: 'withdrawn', reason: 'duplicate', expectedRevisions: { [ids.bulkCaseId]: 1 } } });
    await call({ op: 'POST /api/v1/cases/{id}/extension', as: 'supervisor', path: `/api/v1/cases/${ids.caseId}/extension`, body: { until: addDays(today, 30), reason: '申请延期' } });
    await call({ op: 'GET /api/v1/users/me', as: 'inspector', path: '/api/v1/users/me' });
    await call({ op: 'GET /api/v1/settings/default-deadline', as: 'inspector', path: '/api/v1/settings/default-deadline' });
    await call({ op: 'PUT /api/v1/settings/default-deadline', as: 'admin', path: '/api/v1/settings/default-deadline', body: { days: 15 } });
    await call({ op: 'GET /api/v1/portal-requests', as: 'inspector', path: '/api/v1/portal-requests' });
    await call({ op: 'POST /api/v1/portal-requests/{id}/decision', as: 'supervisor', path: `/api/v1/portal-requests/${ids.actionId}/decision`, body: { decision: 'grant', reason: '同意' } });

    // Campaigns.
    await call({ op: 'POST /api/v1/campaigns', as: 'supervisor', path: '/api/v1/campaigns', body: { code: 'resp-2026', nameZh: '响应专项', nameEn: 'Responses', startsOn: '2026-01-01', endsOn: '2026-12-31', sectors: ['parking'] } });
    await call({ op: 'GET /api/v1/campaigns', as: 'inspector', path: '/api/v1/campaigns' });
    await call({ op: 'GET /api/v1/campaigns/{idOrCode}', as: 'inspector', path: '/api/v1/campaigns/resp-2026' });
    await call({ op: 'PATCH /api/v1/campaigns/{idOrCode}', as: 'supervisor', path: '/api/v1/campaigns/resp-2026', body: { nameEn: 'Responses 2026' } });

    // Repeat offenders.
    await call({ op: 'GET /api/v1/offenders', as: 'inspector', path: '/api/v1/offenders' });
    await call({ op: 'POST /api/v1/offenders/{id}/review', as: 'supervisor', path: `/api/v1/offenders/${ids.flagId}/review`, body: { decision: 'confirm', escalation: 'interview' } });
    await call({ op: 'GET /api/v1/offenders/{id}', as: 'inspector', path: `/api/v1/offenders/${ids.flagId}` });
    await call({ op: 'GET /api/v1/offender-rules', as: 'inspector', path: '/api/v1/offender-rules' });
    await call({ op: 'PUT /api/v1/offender-rules/{rule}', as: 'admin', path: '/api/v1/offender-rules/operator_recurrence', body: { threshold: 3, windowMonths: 12, enabled: true } });

    // Notices: reads here; drafting, approving and publishing take a person (the black-box pass).
    await call({ op: 'GET /api/v1/notices', as: 'inspector', path: '/api/v1/notices' });
    await call({ op: 'GET /api/v1/notices/candidates', as: 'supervisor', path: '/api/v1/notices/candidates', query: { kind: 'rectification' } });
    await call({ op: 'GET /api/public/notices', as: 'public', path: '/api/public/notices' });
    await call({ op: 'GET /api/public/notices/{slug}', as: 'public', path: `/api/public/notices/${ids.slug}` });
    await call({ op: 'GET /api/v1/notices/{id}', as: 'inspector', path: `/api/v1/notices/${ids.noticeId}` });
    await call({ op: 'GET /api/public/notices/{slug}', as: 'public', path: `/api/public/notices/${ids.slug}`, query: { format: 'csv' } });
    await call({ op: 'GET /api/public/notices/{slug}', as: 'public', path: `/api/public/notices/${ids.slug}`, query: { format: 'xlsx' } });
    await call({ op: 'GET /notices/feed.xml', as: 'public', path: '/notices/feed.xml' });

    // Imports.
    const form = new FormData();
    form.set('file', new Blob([csvText([importRow(1, { source: 'responses' }), { ...importRow(2, { source: 'responses' }), severity: 'loud' }])], { type: 'text/csv' }), 'results.csv');
    const started = await call({ op: 'POST /api/v1/imports', as: 'inspector', path: '/api/v1/imports', rawBody: form });
    await pollImport(started.json.job.id);
    await call({ op: 'GET /api/v1/imports', as: 'inspector', path: '/api/v1/imports' });
    await call({ op: 'GET /api/v1/imports/{id}/rejections', as: 'inspector', path: `/api/v1/imports/${started.json.job.id}/rejections` });
    // A job still queued (stored as the upload stores it, not yet handed to a runner) is cancelled at once.
    const csv = new TextEncoder().encode(csvText([importRow(3, { source: 'responses' })]));
    const waiting = await createImportJob(await getDb(), null, { format: 'csv', filename: 'later.csv', dryRun: true, fileBytes: csv.byteLength }, (async function* () { yield csv; })());
    const cancelled = await call({ op: 'POST /api/v1/imports/{id}/cancel', as: 'inspector', path: `/api/v1/imports/${waiting.id}/cancel` });
    expect(cancelled.json.job.status).toBe('cancelled');

    // Taxonomies.
    for (const kind of ['sectors', 'categories', 'stores'] as const) {
      await call({ op: `GET /api/v1/${kind}`, as: 'inspector', path: `/api/v1/${kind}` });
      await call({ op: `POST /api/v1/${kind}`, as: 'admin', path: `/api/v1/${kind}`, body: { code: `resp_${kind}`, labelZh: '响应', labelEn: 'Response', ...(kind === 'categories' ? { legalBasisZh: '依据', legalBasisEn: 'Basis' } : {}) } });
      await call({ op: `PATCH /api/v1/${kind}/{code}`, as: 'admin', path: `/api/v1/${kind}/resp_${kind}`, body: { labelEn: 'Responses' } });
    }
    await call({ op: 'GET /api/v1/regions', as: 'inspector', path: '/api/v1/regions?parent=440300' });
    await call({ op: 'GET /api/v1/regions', as: 'inspector', path: '/api/v1/regions?q=%E5%8D%97%E5%B1%B1&limit=1' });

    // Administration and meta.
    await call({ op: 'GET /api/v1/users', as: 'admin', path: '/api/v1/users' });
    const user = await call({ op: 'POST /api/v1/users', as: 'admin', path: '/api/v1/users', body: { email: 'responses-user@rectify.test', name: '响应用户', role: 'inspector', password: 'Correct-Horse-9-Battery' } });
    await call({ op: 'PATCH /api/v1/users/{id}', as: 'admin', path: `/api/v1/users/${user.json.user.id}`, body: { role: 'supervisor' } });
    const token = await call({ op: 'POST /api/v1/tokens', as: 'admin', path: '/api/v1/tokens', body: { name: 'responses', role: 'inspector' } });
    await call({ op: 'GET /api/v1/tokens', as: 'admin', path: '/api/v1/tokens' });
    await call({ op: 'DELETE /api/v1/tokens/{id}', as: 'admin', path: `/api/v1/tokens/${token.json.token.id}` });
    await call({ op: 'GET /api/health', as: 'public', path: '/api/health' });
    await call({ op: 'GET /api/v1/openapi.json', as: 'inspector', path: '/api/v1/openapi.json' });

    expect(problems).toEqual([]);
  }, 120_000);

  it('walked every operation but those taken only by a person’s session (walked over HTTP)', () => {
    const everyOperation = OPERATIONS.map(operationKey);
    expect(everyOperation.filter((op) => !walked.has(op) && !SESSION_ONLY_OPERATIONS.includes(op))).toEqual([]);
    expect(SESSION_ONLY_OPERATIONS.filter((op) => walked.has(op) || !everyOperation.includes(op))).toEqual([]);
  });
});
