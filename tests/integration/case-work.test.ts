/**
 * Case work's writes leave their audit events (DESIGN §3: comments are audited), and the XLSX export
 * refuses, naming `format`, a filter matching more rows than the cap instead of cutting the sheet.
 * (The routes' inputs, 401 and 403 are tested over HTTP in tests/blackbox/case-work.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { DatabaseHandle } from '../../db/client';
import { GET as listRoute } from '../../app/api/v1/cases/route';
import { PUT as assignRoute } from '../../app/api/v1/cases/[id]/assignee/route';
import { POST as commentRoute } from '../../app/api/v1/cases/[id]/comments/route';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeUser, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let token: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  token = await createToken('supervisor');
});
afterAll(teardownTestDatabase);

describe('audit', () => {
  it('records case.assign and case.comment with what changed, in the same transaction as the change', async () => {
    const c = await makeCase();
    const inspector = await makeUser('inspector');
    const id = String(c.id);
    expect((await callRoute(assignRoute, { method: 'PUT', path: `/api/v1/cases/${id}/assignee`, token, params: { id }, body: { userId: inspector.id } })).status).toBe(200);
    expect((await callRoute(commentRoute, { method: 'POST', path: `/api/v1/cases/${id}/comments`, token, params: { id }, body: { body: '  请复测  ' } })).status).toBe(201);
    // Assigning to whoever has it changes nothing and records nothing.
    expect((await callRoute(assignRoute, { method: 'PUT', path: `/api/v1/cases/${id}/assignee`, token, params: { id }, body: { userId: inspector.id } })).status).toBe(200);
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'case'), eq(auditEvents.entityId, id)));
    const byAction = (a: string) => events.filter((e) => e.action === a);
    expect(byAction('case.assign')).toHaveLength(1);
    expect(byAction('case.assign')[0]).toMatchObject({ before: { assigneeId: null }, after: { assigneeId: inspector.id } });
    expect(byAction('case.comment')).toHaveLength(1);
    expect(byAction('case.comment')[0]!.after).toMatchObject({ body: '请复测' });
  });
});

describe('XLSX row cap', () => {
  it('answers 422 naming format when more cases match than an XLSX may hold', async () => {
    await makeCase();
    await makeCase();
    process.env.RECTIFY_XLSX_MAX_ROWS = '1';
    try {
      const res = await callRoute(listRoute, { path: '/api/v1/cases?format=xlsx', token });
      expect(res.status).toBe(422);
      expect(res.json.error.fields.format).toMatch(/At most 1 rows/);
    } finally {
      delete process.env.RECTIFY_XLSX_MAX_ROWS;
    }
  });
});
