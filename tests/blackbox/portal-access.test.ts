/**
 * The operator's contact over HTTP (DESIGN §9, issue #19): a supervisor invites one through the API,
 * the one-time link activates it (a second use is refused), it signs in through the one sign-in,
 * lands on /portal, and every staff API answers it 403 and every staff page sends it to /portal
 * (the rows of the authorization matrix). Disabling it ends its session at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { API, PAGES } from '../../e2e/authz/matrix';
import { loginAs, loginWithPassword, request, type Session } from './support/client';

const PASSWORD = 'Portal-Contact-2026!';
let supervisor: Session;
let contact: Session;
let operatorId: number;
let contactId: number;
let email: string;
let activationUrl: string;

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  supervisor = await loginAs('supervisor');
  const ops = (await (await supervisor.fetch('/api/v1/operators?limit=1')).json()) as { items: { id: number }[] };
  operatorId = ops.items[0]!.id;
  email = `bb-contact-${Date.now()}@example.cn`;
  const res = await supervisor.fetch(`/api/v1/operators/${operatorId}/contacts`, { method: 'POST', ...json({ name: '黑盒联系人', email }) });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { contact: { id: number }; activationUrl: string };
  contactId = body.contact.id;
  activationUrl = body.activationUrl;
});

describe('invitation and activation', () => {
  it('the link opens the activation page; it activates once, then refuses', async () => {
    const url = new URL(activationUrl);
    expect(url.pathname).toBe('/portal/activate');
    const page = await request(`${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('activate-password');
    const token = url.searchParams.get('token')!;
    const weak = await request('/api/portal/v1/activate', { method: 'POST', ...json({ token, password: 'password' }) });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { fields: Record<string, string> } }).error.fields.password).toBeDefined();
    const ok = await request('/api/portal/v1/activate', { method: 'POST', ...json({ token, password: PASSWORD }) });
    expect(ok.status).toBe(200);
    const again = await request('/api/portal/v1/activate', { method: 'POST', ...json({ token, password: PASSWORD }) });
    expect(again.status).toBe(404);
    contact = await loginWithPassword(email, PASSWORD);
  });
});

describe('a contact’s session', () => {
  it('lands on /portal: the staff home sends it there, the portal opens', async () => {
    const home = await contact.fetch('/');
    expect(home.status).toBeGreaterThanOrEqual(300);
    expect(new URL(home.headers.get('location')!, 'http://x').pathname).toBe('/portal');
    const portal = await contact.fetch('/portal');
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('黑盒联系人');
    // Staff do not get the portal.
    expect((await supervisor.fetch('/portal')).status).toBe(403);
  });

  it('gets 403 from every staff API and is sent to /portal from every staff page', async () => {
    const wrong: string[] = [];
    for (const row of [...API, ...PAGES]) {
      const expected = row.expect.contact;
      if (expected !== 403 && expected !== 'portal') continue;
      const [method, pattern] = row.route.split(' ') as [string, string];
      const res = await contact.fetch(row.path ?? pattern, { method, ...(row.body === undefined ? {} : json(row.body)) });
      const location = res.headers.get('location');
      const got = res.status === 403 ? 403 : res.status >= 300 && res.status < 400 && location && new URL(location, 'http://x').pathname === '/portal' ? 'portal' : res.status;
      if (got !== expected) wrong.push(`${row.route}: expected ${expected}, got ${res.status} ${location ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('portal routes take hostile ids and bodies without a 5xx, naming the field on a 400 (fuzzed here: they answer only a contact’s session)', async () => {
    const ids = ['abc', '0', '-1', '1.5', '99999999999', '%00', '..%2F1', '1e3', String(2 ** 31), '%E4%B8%AD'];
    const bodies: unknown[] = [null, [], 'text', 42, {}, { version: 1, description: [], evidence: 'x' }, { version: 'x'.repeat(5000), description: 'x', evidence: [] },
      { until: '2026-02-30', reason: '' }, { until: 99, reason: { a: 1 } }, { findingId: 'x', reason: 'r', evidence: ['../etc/passwd'] }, { findingId: 2 ** 40, reason: 'r' },
      { evidence: Array.from({ length: 21 }, () => '0'.repeat(64)), version: '1', description: 'x' }, JSON.parse('{"__proto__":{"admin":true},"version":"1"}')];
    const problems: string[] = [];
    const check = async (method: string, path: string, body?: unknown) => {
      const res = await contact.fetch(path, body === undefined ? { method } : { method, ...json(body) });
      const text = await res.text();
      if (res.status >= 500) problems.push(`${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}: ${res.status}`);
      if (res.status === 400 && path.startsWith('/api/') && !/"fields":\{"[^"]+"/.test(text)) problems.push(`${method} ${path}: 400 without fields: ${text.slice(0, 120)}`);
    };
    for (const id of ids) {
      await check('GET', `/api/portal/v1/cases/${id}`);
      await check('GET', `/api/portal/v1/evidence/${id}`);
      await check('GET', `/portal/cases/${id}`);
      for (const action of ['acknowledge', 'report', 'extension-request', 'objection']) await check('POST', `/api/portal/v1/cases/${id}/${action}`, {});
    }
    const own = ((await (await contact.fetch('/api/portal/v1/cases')).json()) as { items: { id: number }[] }).items[0]?.id ?? 1;
    for (const action of ['report', 'extension-request', 'objection']) for (const body of bodies) await check('POST', `/api/portal/v1/cases/${own}/${action}`, body);
    const raw = await contact.fetch('/api/portal/v1/evidence', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.exe"\r\n\r\nMZ\x90\r\n--x--\r\n' });
    expect([400, 415]).toContain(raw.status);
    expect(problems).toEqual([]);
  });

  it('staff see its last sign-in; disabling it ends its session at once', async () => {
    const list = (await (await supervisor.fetch(`/api/v1/operators/${operatorId}/contacts`)).json()) as { items: { id: number; status: string; lastSignInAt: string | null }[] };
    const seen = list.items.find((c) => c.id === contactId)!;
    expect(seen.status).toBe('active');
    expect(seen.lastSignInAt).not.toBeNull();
    const off = await supervisor.fetch(`/api/v1/operators/${operatorId}/contacts/${contactId}`, { method: 'PATCH', ...json({ disabled: true }) });
    expect(off.status).toBe(200);
    const after = await contact.fetch('/portal');
    expect(after.status).toBeGreaterThanOrEqual(300);
    expect(after.headers.get('location')).toContain('/signin');
  });
});
