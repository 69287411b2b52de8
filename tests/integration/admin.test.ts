import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { apiTokens, auditEvents, users } from '../../db/schema';
import { GET as listUsers, POST as createUser } from '../../app/api/v1/users/route';
import { PATCH as updateUser } from '../../app/api/v1/users/[id]/route';
import { GET as listTokens, POST as createToken_ } from '../../app/api/v1/tokens/route';
import { DELETE as revokeToken } from '../../app/api/v1/tokens/[id]/route';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let admin: string;
let supervisor: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  [admin, supervisor] = await Promise.all([createToken('admin'), createToken('supervisor')]);
});
afterAll(teardownTestDatabase);

describe('users', () => {
  it('an admin creates a user; the password is hashed and the creation audited', async () => {
    const res = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', token: admin, body: { email: 'New.Inspector@Office.gov.cn', name: '周洁', role: 'inspector', password: 'Str0ng-and-long!' } });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email: 'new.inspector@office.gov.cn', role: 'inspector' });
    expect(res.json.user).not.toHaveProperty('passwordHash');
    const [row] = await handle.db.select().from(users).where(eq(users.email, 'new.inspector@office.gov.cn'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('argon2');
  });

  it('names every invalid field at once, with the password policy', async () => {
    const res = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', token: admin, body: { email: 'not-an-email', name: '', role: 'root', password: 'short' } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['email', 'name', 'role']);
    const weak = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', token: admin, body: { email: 'a.b@office.gov.cn', name: 'A', role: 'admin', password: 'alllowercaseletters' } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.fields.password).toMatch(/12 characters/);
    const dup = await callRoute(createUser, { method: 'POST', path: '/api/v1/users', token: admin, body: { email: 'new.inspector@office.gov.cn', name: 'X', role: 'inspector', password: 'Str0ng-and-long!' } });
    expect(dup.status).toBe(409);
  });

  it('is for admins only', async () => {
    expect((await callRoute(listUsers, { path: '/api/v1/users', token: supervisor })).status).toBe(403);
    expect((await callRoute(listUsers, { path: '/api/v1/users' })).status).toBe(401);
    expect((await callRoute(listUsers, { path: '/api/v1/users', token: admin })).json.items.length).toBeGreaterThan(0);
  });

  it('disabling a user ends their sessions (the session version moves) and is audited', async () => {
    const [target] = await handle.db.select().from(users).where(eq(users.email, 'new.inspector@office.gov.cn'));
    const res = await callRoute(updateUser, { method: 'PATCH', path: `/api/v1/users/${target!.id}`, token: admin, params: { id: String(target!.id) }, body: { disabled: true } });
    expect(res.status).toBe(200);
    const [after] = await handle.db.select().from(users).where(eq(users.id, target!.id));
    expect(after!.disabledAt).not.toBeNull();
    expect(after!.sessionVersion).toBe(target!.sessionVersion + 1);
    const empty = await callRoute(updateUser, { method: 'PATCH', path: `/api/v1/users/${target!.id}`, token: admin, params: { id: String(target!.id) }, body: {} });
    expect(empty.status).toBe(400);
  });
});

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, works until revoked, and stops at once', async () => {
    const created = await callRoute(createToken_, { method: 'POST', path: '/api/v1/tokens', token: admin, body: { name: '自动化检测平台', role: 'inspector' } });
    expect(created.status).toBe(201);
    const { secret, token } = created.json;
    expect(secret).toMatch(/^rct_/);
    const listed = await callRoute(listTokens, { path: '/api/v1/tokens', token: admin });
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    // The new token authenticates (as an inspector: not an admin).
    expect((await callRoute(listTokens, { path: '/api/v1/tokens', token: secret })).status).toBe(403);
    const revoked = await callRoute(revokeToken, { method: 'DELETE', path: `/api/v1/tokens/${token.id}`, token: admin, params: { id: String(token.id) } });
    expect(revoked.json.token.revokedAt).not.toBeNull();
    expect((await callRoute(listTokens, { path: '/api/v1/tokens', token: secret })).status).toBe(401);
  });

  it('records a token\'s last use to the minute: set on first use, not rewritten within the minute, again after it', async () => {
    const created = await callRoute(createToken_, { method: 'POST', path: '/api/v1/tokens', token: admin, body: { name: 'last use', role: 'admin' } });
    const { secret, token } = created.json;
    const lastUse = async () => (await handle.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, token.id)))[0]!.at;
    expect(await lastUse()).toBeNull();
    expect((await callRoute(listTokens, { path: '/api/v1/tokens', token: secret })).status).toBe(200);
    const first = await lastUse();
    expect(first).not.toBeNull();
    await handle.db.update(apiTokens).set({ lastUsedAt: sql`now() - interval '30 seconds'` }).where(eq(apiTokens.id, token.id));
    const recent = await lastUse();
    expect((await callRoute(listTokens, { path: '/api/v1/tokens', token: secret })).status).toBe(200);
    expect(await lastUse()).toEqual(recent);
    await handle.db.update(apiTokens).set({ lastUsedAt: sql`now() - interval '2 minutes'` }).where(eq(apiTokens.id, token.id));
    const old = await lastUse();
    expect((await callRoute(listTokens, { path: '/api/v1/tokens', token: secret })).status).toBe(200);
    expect((await lastUse())!.getTime()).toBeGreaterThan(old!.getTime());
  });

  it('refuses a token without a name or with an unknown role', async () => {
    const res = await callRoute(createToken_, { method: 'POST', path: '/api/v1/tokens', token: admin, body: { name: ' ', role: 'god' } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['name', 'role']);
  });
});
