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
