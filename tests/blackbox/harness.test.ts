/**
 * The black-box harness itself: the server answers, sign-in through next-auth gives a working
 * session for each role, pages render for a signed-in user, and raw sockets reach the server.
 */
import { describe, expect, it } from 'vitest';
import { loginAs, request, server, type DemoRole } from './support/client';
import { portOf, rawRequest } from './support/raw';

describe('the black-box harness', () => {
  it('reaches the production server', async () => {
    const res = await request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('signs each demo role in through next-auth, and the session works on the API and on pages', async () => {
    expect((await request('/api/v1/cases')).status).toBe(401);
    const roles: DemoRole[] = ['inspector', 'supervisor', 'admin'];
    for (const role of roles) {
      const session = await loginAs(role);
      const cases = await session.fetch('/api/v1/cases?limit=1');
      expect(cases.status, role).toBe(200);
      expect(((await cases.json()) as { items: unknown[] }).items).toHaveLength(1);
      const page = await session.fetch('/cases');
      expect(page.status, role).toBe(200);
      expect(await page.text()).toContain('<html');
    }
    const users = await (await loginAs('admin')).fetch('/api/v1/users');
    expect(users.status).toBe(200);
    expect((await (await loginAs('inspector')).fetch('/api/v1/users')).status).toBe(403);
  });

  it('sends raw requests over a socket', async () => {
    const res = await rawRequest(portOf(server().baseUrl), { head: ['GET /api/health HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close'], then: 'wait' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });
});
