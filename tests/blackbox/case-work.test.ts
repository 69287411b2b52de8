/**
 * Case work over HTTP (issue #15): assignment, "my cases", internal comments, who am I, and evidence
 * named by its uploaded file name and previewable in place — every route with valid input, each
 * invalid field (a 4xx naming it), 401 and 403.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../support/pdf';
import { makePng } from '../support/png';
import { loginAs, request, type Session } from './support/client';

let inspector: Session;
let supervisor: Session;
let admin: Session;
const users: Record<string, { id: number; role: string }> = {};
let caseId: number;
let png: string;
let pdf: string;

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const put = (s: Session, path: string, body: unknown) => s.fetch(path, { method: 'PUT', ...json(body) });
const post = (s: Session, path: string, body: unknown) => s.fetch(path, { method: 'POST', ...json(body) });
const fieldsOf = async (res: Response) => ((await res.json()) as { error: { fields?: Record<string, string> } }).error.fields ?? {};

async function upload(s: Session, bytes: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await s.fetch('/api/v1/evidence', { method: 'POST', body: form });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return ((await res.json()) as { sha256: string }).sha256;
}

beforeAll(async () => {
  [inspector, supervisor, admin] = await Promise.all([loginAs('inspector'), loginAs('supervisor'), loginAs('admin')]);
  const list = (await (await admin.fetch('/api/v1/users')).json()) as { items?: { id: number; email: string; role: string }[] } | { id: number; email: string; role: string }[];
  for (const u of Array.isArray(list) ? list : list.items ?? []) users[u.email.split('@')[0]!] = { id: u.id, role: u.role };
  png = await upload(inspector, makePng(1501, 40, 30), '检测截图 "首页"/弹窗.png');
  pdf = await upload(inspector, makePdf('Privacy policy capture', 1502), '隐私政策 截屏.pdf');
  const subject = ((await (await inspector.fetch('/api/v1/subjects?limit=1')).json()) as { items: { id: number }[] }).items[0]!;
  const created = await post(inspector, '/api/v1/inspections', {
    subjectId: subject.id, version: '1.10', inspectedOn: '2026-11-02', method: 'technical_test', notes: '首次打开即弹出权限申请，拒绝后退出。',
    findings: [{ category: 'permission_forced', severity: 'high', description: '拒绝定位权限后无法使用', legalBasis: '', evidence: [png, pdf] }],
  });
  expect(created.status, await created.clone().text()).toBe(201);
  caseId = ((await created.json()) as { case: { id: number } }).case.id;
});

describe('GET /api/v1/users/me', () => {
  it('names the signed-in user, role and permissions; 401 without a session', async () => {
    expect((await request('/api/v1/users/me')).status).toBe(401);
    const me = (await (await inspector.fetch('/api/v1/users/me')).json()) as { kind: string; id: number; email: string; role: string; permissions: string[] };
    expect(me).toMatchObject({ kind: 'user', id: users.inspector!.id, email: 'inspector@rectify.demo', role: 'inspector' });
    expect(me.permissions).toEqual(expect.arrayContaining(['case:assign', 'case:comment']));
    const adminMe = (await (await admin.fetch('/api/v1/users/me')).json()) as { role: string; permissions: string[] };
    expect(adminMe.role).toBe('admin');
    expect(adminMe.permissions).not.toContain('case:comment');
  });
});

describe('PUT /api/v1/cases/{id}/assignee and my cases', () => {
  it('401 without a session, 403 for an admin (read-only on cases)', async () => {
    expect((await request(`/api/v1/cases/${caseId}/assignee`, { method: 'PUT', ...json({ userId: users.inspector!.id }) })).status).toBe(401);
    expect((await put(admin, `/api/v1/cases/${caseId}/assignee`, { userId: users.inspector!.id })).status).toBe(403);
  });

  it('names each invalid field', async () => {
    for (const body of [{}, { userId: 'inspector' }, { userId: 0 }, { userId: 1.5 }, { userId: 2 ** 31 }]) {
      const res = await put(supervisor, `/api/v1/cases/${caseId}/assignee`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(await fieldsOf(res))).toEqual(['userId']);
    }
    const bad = await put(supervisor, '/api/v1/cases/abc/assignee', { userId: users.inspector!.id });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toHaveProperty('id');
    expect((await put(supervisor, '/api/v1/cases/99999999/assignee', { userId: users.inspector!.id })).status).toBe(404);
    for (const userId of [users.admin!.id, 99999999]) {
      const res = await put(supervisor, `/api/v1/cases/${caseId}/assignee`, { userId });
      expect(res.status).toBe(422);
      expect(await fieldsOf(res)).toHaveProperty('userId');
    }
  });

  it('assigns, shows the assignee on the case and in "my cases", and unassigns', async () => {
    const res = await put(supervisor, `/api/v1/cases/${caseId}/assignee`, { userId: users.inspector!.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ caseId, assignee: { id: users.inspector!.id, name: expect.any(String) } });
    const detail = (await (await inspector.fetch(`/api/v1/cases/${caseId}`)).json()) as { case: { assigneeId: number; revision: number; state: string }; assignee: { id: number } };
    expect(detail.assignee.id).toBe(users.inspector!.id);
    expect(detail.case).toMatchObject({ revision: 1, state: 'open' });
    const mine = async (s: Session, q = 'assignee=me') => ((await (await s.fetch(`/api/v1/cases?${q}&limit=200`)).json()) as { items: { id: number; assigneeName: string | null }[] }).items.map((i) => i.id);
    expect(await mine(inspector)).toContain(caseId);
    expect(await mine(supervisor)).not.toContain(caseId);
    expect(await mine(supervisor, `assignee=${users.inspector!.id}`)).toContain(caseId);
    const page = await (await inspector.fetch('/cases?assignee=me')).text();
    expect(page).toContain(`/cases/${caseId}"`);
    const badFilter = await inspector.fetch('/api/v1/cases?assignee=bob');
    expect(badFilter.status).toBe(400);
    expect(await fieldsOf(badFilter)).toHaveProperty('assignee');

    const released = await put(inspector, `/api/v1/cases/${caseId}/assignee`, { userId: null });
    expect(await released.json()).toEqual({ caseId, assignee: null });
    expect(await mine(inspector)).not.toContain(caseId);
    expect(await mine(inspector, 'assignee=none')).toContain(caseId);
  });
});

describe('GET/POST /api/v1/cases/{id}/comments', () => {
  it('401, 403 for an admin writing, admins may read', async () => {
    expect((await request(`/api/v1/cases/${caseId}/comments`)).status).toBe(401);
    expect((await request(`/api/v1/cases/${caseId}/comments`, { method: 'POST', ...json({ body: 'x' }) })).status).toBe(401);
    expect((await post(admin, `/api/v1/cases/${caseId}/comments`, { body: '管理员意见' })).status).toBe(403);
    expect((await admin.fetch(`/api/v1/cases/${caseId}/comments`)).status).toBe(200);
  });

  it('names each invalid field', async () => {
    for (const body of [{}, { body: '' }, { body: '   ' }, { body: 42 }, { body: 'x'.repeat(4001) }]) {
      const res = await post(inspector, `/api/v1/cases/${caseId}/comments`, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(Object.keys(await fieldsOf(res))).toEqual(['body']);
    }
    expect((await post(inspector, '/api/v1/cases/99999999/comments', { body: 'x' })).status).toBe(404);
    expect((await inspector.fetch('/api/v1/cases/99999999/comments')).status).toBe(404);
    for (const q of ['limit=0', 'limit=201', 'cursor=nonsense']) {
      const res = await inspector.fetch(`/api/v1/cases/${caseId}/comments?${q}`);
      expect(res.status, q).toBe(400);
      expect(await fieldsOf(res)).toHaveProperty(q.split('=')[0]!);
    }
  });

  it('adds comments, oldest first, a cursor page at a time, and shows them on the case page only to staff', async () => {
    const first = await post(inspector, `/api/v1/cases/${caseId}/comments`, { body: '已电话联系运营者，对方称下周提交整改报告。' });
    expect(first.status).toBe(201);
    expect(((await first.json()) as { comment: { author: { kind: string; id: number } } }).comment.author).toMatchObject({ kind: 'user', id: users.inspector!.id });
    expect((await post(supervisor, `/api/v1/cases/${caseId}/comments`, { body: 'Please re-test on 1.11 <b>before</b> the deadline.' })).status).toBe(201);
    const p1 = (await (await inspector.fetch(`/api/v1/cases/${caseId}/comments?limit=1`)).json()) as { items: { body: string }[]; nextCursor: string };
    expect(p1.items.map((c) => c.body)).toEqual(['已电话联系运营者，对方称下周提交整改报告。']);
    const p2 = (await (await inspector.fetch(`/api/v1/cases/${caseId}/comments?limit=1&cursor=${p1.nextCursor}`)).json()) as { items: { body: string }[]; nextCursor: string | null };
    expect(p2.items.map((c) => c.body)).toEqual(['Please re-test on 1.11 <b>before</b> the deadline.']);
    const html = await (await inspector.fetch(`/cases/${caseId}`)).text();
    expect(html).toContain('已电话联系运营者');
    expect(html).toContain('Please re-test on 1.11 &lt;b&gt;before&lt;/b&gt;');
    // Never public: no public answer carries a comment.
    const pub = await (await request('/api/public/notices')).text();
    expect(pub).not.toContain('已电话联系运营者');
  });
});

describe('evidence files: uploaded names and previews', () => {
  it('downloads under the uploaded name (RFC 5987), shows images and PDFs in place, and keeps other types attachments', async () => {
    const dl = await inspector.fetch(`/api/v1/evidence/${png}`);
    expect(dl.status).toBe(200);
    const disposition = dl.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\w.-]+\.png"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('检测截图 _首页__弹窗.png');
    expect(dl.headers.get('x-frame-options')).toBe('DENY');

    const inline = await inspector.fetch(`/api/v1/evidence/${pdf}?disposition=inline`);
    expect(inline.headers.get('content-type')).toBe('application/pdf');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''%E9%9A%90%E7%A7%81%E6%94%BF%E7%AD%96%20%E6%88%AA%E5%B1%8F\.pdf$/);
    expect(inline.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(inline.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');

    const har = await upload(inspector, Buffer.from(JSON.stringify({ log: { entries: [{ request: { url: 'https://x.example/track' } }] } })), 'capture.har');
    const harInline = await inspector.fetch(`/api/v1/evidence/${har}?disposition=inline`);
    expect(harInline.headers.get('content-disposition')).toMatch(/^attachment; filename="capture\.har"/);
    const bad = await inspector.fetch(`/api/v1/evidence/${png}?disposition=open`);
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toHaveProperty('disposition');
    expect((await request(`/api/v1/evidence/${png}`)).status).toBe(401);

    const html = await (await inspector.fetch(`/cases/${caseId}`)).text();
    expect(html).toContain(`<img src="/api/v1/evidence/${png}?disposition=inline"`);
    expect(html).toContain(`<iframe src="/api/v1/evidence/${pdf}?disposition=inline"`);
    expect(html).toContain('隐私政策 截屏.pdf');
    expect(html).toContain('首次打开即弹出权限申请，拒绝后退出。');
  });
});
