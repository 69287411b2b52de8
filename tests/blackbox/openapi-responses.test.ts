/**
 * Real answers over HTTP against the document the server serves (issue #17): the operations only a
 * signed-in person may call (support/session-operations.ts: notice writes, the operator's portal) are
 * called through the production server with real sessions, and each 2xx answer's status, media type
 * and body are checked against GET /api/v1/openapi.json (Ajv, tests/support/openapi-responses.ts).
 * Every other operation is walked in-process by tests/integration/openapi-responses.test.ts; a few of
 * them are called here too, so the served document is proved against the production build as well.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../support/png';
import { responseValidator } from '../support/openapi-responses';
import { loginAs, loginWithPassword, request, type Session } from './support/client';
import { SESSION_ONLY_OPERATIONS } from './support/session-operations';

const PASSWORD = 'Portal-Contact-2026!';
const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
let check: ReturnType<typeof responseValidator>;
let supervisor: Session;
let supervisor2: Session;
const called = new Set<string>();
const problems: string[] = [];

/** Calls an operation and checks its answer against the served document; returns the parsed body. */
async function call(who: Session | null, operation: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary JSON
  const res = who ? await who.fetch(path, init) : await request(path, init);
  const contentType = res.headers.get('content-type');
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  const body = /json/.test(contentType ?? '') ? JSON.parse(text) : undefined;
  called.add(operation);
  if (res.status < 200 || res.status >= 300) problems.push(`${operation}: ${res.status} ${text.slice(0, 300)}`);
  else problems.push(...check({ operation, status: res.status, contentType, body }));
  return { status: res.status, body };
}

beforeAll(async () => {
  [supervisor, supervisor2] = await Promise.all([loginAs('supervisor'), loginAs('supervisor2')]);
  const doc = await (await supervisor.fetch('/api/v1/openapi.json')).json();
  check = responseValidator(doc);
});

describe('answers over HTTP match the served OpenAPI document', () => {
  beforeEach(() => {
    problems.length = 0;
  });

  it('notices drafted, edited, approved and published by people', async () => {
    const { body: candidates } = await call(supervisor, 'GET /api/v1/notices/candidates', '/api/v1/notices/candidates?kind=rectification&limit=1');
    expect(candidates.items.length, 'the demo seed has an overdue ordered case').toBeGreaterThan(0);
    const caseId = candidates.items[0].caseId as number;
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const draft = { kind: 'rectification', titleZh: '黑盒响应通报', titleEn: 'Black-box responses notice', introZh: '尚有以下App未按要求完成整改。', introEn: 'These apps have not rectified.', deadline, caseIds: [caseId] };
    const created = await call(supervisor, 'POST /api/v1/notices', '/api/v1/notices', { method: 'POST', ...json(draft) });
    const id = created.body.notice.id as number;
    await call(supervisor, 'PATCH /api/v1/notices/{id}', `/api/v1/notices/${id}`, { method: 'PATCH', ...json({ ...draft, titleEn: 'Black-box responses notice (edited)', expectedRevision: created.body.notice.revision }) });
    await call(supervisor2, 'POST /api/v1/notices/{id}/approve', `/api/v1/notices/${id}/approve`, { method: 'POST' });
    const published = await call(supervisor2, 'POST /api/v1/notices/{id}/publish', `/api/v1/notices/${id}/publish`, { method: 'POST' });
    await call(null, 'GET /api/public/notices/{slug}', `/api/public/notices/${published.body.notice.slug}`);
    await call(supervisor, 'GET /api/v1/notices/{id}', `/api/v1/notices/${id}`);
    expect(problems).toEqual([]);
  });

  it('the operator’s portal, with a contact’s session', async () => {
    const { body: cases } = await call(supervisor, 'GET /api/v1/cases', '/api/v1/cases?state=ordered&limit=1');
    expect(cases.items.length, 'the demo seed has an ordered case').toBeGreaterThan(0);
    const { id: caseId, operatorId } = cases.items[0] as { id: number; operatorId: number };
    const email = `bb-responses-${Date.now()}@example.cn`;
    const invited = await call(supervisor, 'POST /api/v1/operators/{id}/contacts', `/api/v1/operators/${operatorId}/contacts`, { method: 'POST', ...json({ name: '响应联系人', email }) });
    const token = new URL(invited.body.activationUrl as string).searchParams.get('token')!;
    await call(null, 'POST /api/portal/v1/activate', '/api/portal/v1/activate', { method: 'POST', ...json({ token, password: PASSWORD }) });
    const contact = await loginWithPassword(email, PASSWORD);

    await call(contact, 'GET /api/portal/v1/cases', '/api/portal/v1/cases');
    const detail = await call(contact, 'GET /api/portal/v1/cases/{id}', `/api/portal/v1/cases/${caseId}`);
    await call(contact, 'POST /api/portal/v1/cases/{id}/acknowledge', `/api/portal/v1/cases/${caseId}/acknowledge`, { method: 'POST' });
    const until = new Date(Date.parse(detail.body.case.deadline) + 10 * 86_400_000).toISOString().slice(0, 10);
    await call(contact, 'POST /api/portal/v1/cases/{id}/extension-request', `/api/portal/v1/cases/${caseId}/extension-request`, { method: 'POST', ...json({ until, reason: '需要更多时间' }) });
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(makePng(Date.now() % 1000, 24, 12))], { type: 'image/png' }), 'fix.png');
    const uploaded = await call(contact, 'POST /api/portal/v1/evidence', '/api/portal/v1/evidence', { method: 'POST', body: form });
    await call(contact, 'GET /api/portal/v1/evidence/{sha256}', `/api/portal/v1/evidence/${uploaded.body.sha256}`);
    await call(contact, 'POST /api/portal/v1/cases/{id}/objection', `/api/portal/v1/cases/${caseId}/objection`, { method: 'POST', ...json({ findingId: detail.body.findings[0].id, reason: '该问题已不存在', evidence: [uploaded.body.sha256] }) });
    await call(contact, 'POST /api/portal/v1/cases/{id}/report', `/api/portal/v1/cases/${caseId}/report`, { method: 'POST', ...json({ version: '9.9.9', description: '已整改', evidence: [uploaded.body.sha256] }) });
    await call(supervisor, 'GET /api/v1/portal-requests', '/api/v1/portal-requests');
    expect(problems).toEqual([]);
  });

  it('a few reads of every kind through the production build', async () => {
    await call(null, 'GET /api/health', '/api/health');
    await call(supervisor, 'GET /api/v1/stats/summary', '/api/v1/stats/summary');
    await call(supervisor, 'GET /api/v1/subjects', '/api/v1/subjects?limit=5');
    await call(supervisor, 'GET /api/v1/offenders', '/api/v1/offenders?limit=5');
    await call(supervisor, 'GET /api/v1/cases', '/api/v1/cases?format=csv&limit=5');
    expect(problems).toEqual([]);
  });

  it('called every operation only a person’s session may call', () => {
    expect(SESSION_ONLY_OPERATIONS.filter((op) => !called.has(op))).toEqual([]);
  });
});
