/**
 * Operators' contacts (DESIGN §9, issue #19): invitation, one-time activation, sign-in, staff view
 * and disabling, through the route handlers. The contact's sessions against every staff route are
 * tested over HTTP (e2e/authz-matrix.spec.ts, tests/blackbox/portal-access.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditEvents, operatorContacts, users } from '../../db/schema';
import { GET as listRoute, POST as inviteRoute } from '../../app/api/v1/operators/[id]/contacts/route';
import { PATCH as updateRoute } from '../../app/api/v1/operators/[id]/contacts/[contactId]/route';
import { POST as activateRoute } from '../../app/api/portal/v1/activate/route';
import { POST as tokensRoute } from '../../app/api/v1/tokens/route';
import { POST as usersRoute } from '../../app/api/v1/users/route';
import { signInWithPassword } from '../../lib/auth/sign-in';
import { sessionUser } from '../../lib/auth/sessions';
import { activationHash } from '../../lib/portal/contacts';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeOperator, withTaxonomies } from '../support/fixtures';

const PASSWORD = 'Portal-Contact-2026!';
let handle: DatabaseHandle;
let supervisor: string;
let inspector: string;
let admin: string;
let operatorId: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [supervisor, inspector, admin] = await Promise.all([createToken('supervisor'), createToken('inspector'), createToken('admin')]);
  operatorId = String((await makeOperator()).id);
});
afterAll(teardownTestDatabase);

let n = 0;
async function invite(token = supervisor, id = operatorId, email = `contact${++n}@example.cn`) {
  return callRoute(inviteRoute, { method: 'POST', path: `/api/v1/operators/${id}/contacts`, token, params: { id }, body: { name: '周婷', email } });
}
const activate = (token: string, password = PASSWORD) => callRoute(activateRoute, { method: 'POST', path: '/api/portal/v1/activate', body: { token, password } });
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('invitation', () => {
  it('gives a one-time link valid 7 days, kept only as its SHA-256', async () => {
    const res = await invite(inspector);
    expect(res.status).toBe(201);
    expect(res.json.activationUrl).toMatch(/^http:\/\/rectify\.test\/portal\/activate\?token=[\w-]{43}$/);
    expect(res.json.contact).toMatchObject({ name: '周婷', status: 'invited', lastSignInAt: null, operatorId: Number(operatorId) });
    const token = tokenOf(res.json.activationUrl);
    const [row] = await handle.db.select().from(operatorContacts).where(eq(operatorContacts.userId, res.json.contact.id));
    expect(row!.activationHash).toBe(activationHash(token));
    const days = (row!.activationExpiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    // The secret itself is nowhere in the database: not in the contact, the user or the audit trail.
    const leaked = await handle.db.execute(sql`SELECT 1 FROM audit_events WHERE after::text LIKE ${'%' + token + '%'} UNION ALL SELECT 1 FROM users WHERE password_hash LIKE ${'%' + token + '%'}`);
    expect((leaked as unknown as { rows: unknown[] }).rows).toHaveLength(0);
    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'contact.invite'), eq(auditEvents.entityId, operatorId)));
    expect(audit).toBeDefined();
  });

  it('answers bad input naming the field, a taken email 409, an unknown operator 404, an admin 403', async () => {
    const bad = await callRoute(inviteRoute, { method: 'POST', path: `/api/v1/operators/${operatorId}/contacts`, token: supervisor, params: { id: operatorId }, body: { name: '', email: 'not-an-email' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['email', 'name']);
    await invite(supervisor, operatorId, 'taken@example.cn');
    expect((await invite(supervisor, operatorId, 'TAKEN@example.cn')).status).toBe(409);
    expect((await invite(supervisor, '999999')).status).toBe(404);
    expect((await invite(admin)).status).toBe(403);
  });

  it('an API token or a user can never be given the contact role by hand', async () => {
    const t = await callRoute(tokensRoute, { method: 'POST', path: '/api/v1/tokens', token: admin, body: { name: 'x', role: 'operator_contact' } });
    expect(t.status).toBe(400);
    expect(t.json.error.fields.role).toBeDefined();
    const u = await callRoute(usersRoute, { method: 'POST', path: '/api/v1/users', token: admin, body: { email: 'x@rectify.test', name: 'x', role: 'operator_contact', password: PASSWORD } });
    expect(u.status).toBe(400);
    expect(u.json.error.fields.role).toBeDefined();
  });
});

describe('activation', () => {
  it('sets a password under the staff policy, once; then the contact signs in and staff see it', async () => {
    const res = await invite();
    const token = tokenOf(res.json.activationUrl);
    const email = res.json.contact.email as string;
    // Before activation nobody can sign in as the contact.
    expect((await signInWithPassword(email, PASSWORD, '10.0.0.1')).ok).toBe(false);
    const weak = await activate(token, 'short');
    expect(weak.status).toBe(400);
    expect(weak.json.error.fields.password).toMatch(/12 characters/);
    const withName = await activate(token, `${email.split('@')[0]}-Aa1!xyz`);
    expect(withName.status).toBe(400);
    expect(withName.json.error.fields.password).toMatch(/user name/);
    const ok = await activate(token);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ activated: true, email });
    const again = await activate(token);
    expect(again.status).toBe(404);
    expect(again.json.error.fields.token).toBeDefined();
    const signedIn = await signInWithPassword(email, PASSWORD, '10.0.0.1');
    expect(signedIn.ok && signedIn.user.role).toBe('operator_contact');
    const list = await callRoute(listRoute, { path: `/api/v1/operators/${operatorId}/contacts`, token: inspector, params: { id: operatorId } });
    const seen = list.json.items.find((c: { id: number }) => c.id === res.json.contact.id);
    expect(seen).toMatchObject({ status: 'active' });
    expect(seen.lastSignInAt).not.toBeNull();
    expect(JSON.stringify(list.json)).not.toMatch(/password|activationHash/i);
  });

  it('refuses an expired link (422 naming token) and an unknown one (404)', async () => {
    const res = await invite();
    await handle.db.update(operatorContacts).set({ activationExpiresAt: sql`now() - interval '1 second'` }).where(eq(operatorContacts.userId, res.json.contact.id));
    const expired = await activate(tokenOf(res.json.activationUrl));
    expect(expired.status).toBe(422);
    expect(expired.json.error.fields.token).toBe('expired');
    expect((await activate('no-such-token')).status).toBe(404);
    const listed = await callRoute(listRoute, { path: `/api/v1/operators/${operatorId}/contacts`, token: inspector, params: { id: operatorId } });
    expect(listed.json.items.find((c: { id: number }) => c.id === res.json.contact.id).status).toBe('expired');
  });
});

describe('disabling', () => {
  it('ends the contact’s sessions at once and refuses its sign-in; enabling lets it back', async () => {
    const res = await invite();
    const id = String(res.json.contact.id);
    await activate(tokenOf(res.json.activationUrl));
    const before = await signInWithPassword(res.json.contact.email, PASSWORD, '10.0.0.2');
    expect(before.ok).toBe(true);
    const [u] = await handle.db.select().from(users).where(eq(users.id, Number(id)));
    const claims = { uid: u!.id, sv: u!.sessionVersion, sid: 'portal-test-session', sst: Math.floor(Date.now() / 1000) };
    expect(await sessionUser(claims)).not.toBeNull();
    const off = await callRoute(updateRoute, { method: 'PATCH', path: `/api/v1/operators/${operatorId}/contacts/${id}`, token: inspector, params: { id: operatorId, contactId: id }, body: { disabled: true } });
    expect(off.status).toBe(200);
    expect(off.json.contact.status).toBe('disabled');
    expect(await sessionUser(claims)).toBeNull();
    expect((await signInWithPassword(res.json.contact.email, PASSWORD, '10.0.0.2')).ok).toBe(false);
    // Another operator's path does not reach this contact.
    const other = String((await makeOperator()).id);
    expect((await callRoute(updateRoute, { method: 'PATCH', path: `/api/v1/operators/${other}/contacts/${id}`, token: inspector, params: { id: other, contactId: id }, body: { disabled: false } })).status).toBe(404);
    const on = await callRoute(updateRoute, { method: 'PATCH', path: `/api/v1/operators/${operatorId}/contacts/${id}`, token: supervisor, params: { id: operatorId, contactId: id }, body: { disabled: false } });
    expect(on.json.contact.status).toBe('active');
    expect((await signInWithPassword(res.json.contact.email, PASSWORD, '10.0.0.2')).ok).toBe(true);
    const actions = (await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, operatorId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['contact.invite', 'contact.activate', 'contact.disable', 'contact.enable']));
  });
});
