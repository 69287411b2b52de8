import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { POST as createSubjectRoute } from '../../app/api/v1/subjects/route';
import { GET as getSubjectRoute } from '../../app/api/v1/subjects/[id]/route';
import { POST as linkRoute } from '../../app/api/v1/subjects/[id]/links/route';
import { getDb } from '../../db/client';
import { auditEvents, cases } from '../../db/schema';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';

let inspector: string;
let admin: string;
beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  [inspector, admin] = await Promise.all([createToken('inspector'), createToken('admin')]);
});
afterAll(teardownTestDatabase);

/** A subject whose case ends in `removed` (set directly: the ladder's own tests cover the path). */
async function removedSubject(identifiers: Parameters<typeof makeSubject>[1], name = '被下架的停车小程序') {
  const s = await makeSubject({ name }, identifiers);
  const c = await makeCase({ subjectId: s.id });
  await (await getDb()).update(cases).set({ state: 'removed', deadline: '2026-01-10', firstOrderedAt: sql`now()`, firstNotifiedAt: sql`now()`, firstRemovedAt: sql`'2026-03-02T10:00:00+08'::timestamptz` }).where(eq(cases.id, c.id));
  return s;
}

const register = (body: object, token = inspector) => callRoute(createSubjectRoute, { method: 'POST', path: '/api/v1/subjects', token, body });

describe('probable matches', () => {
  it('shows a removed subject sharing the appid, with the reason and the removal date', async () => {
    const old = await removedSubject([{ type: 'mini_program_appid', value: 'wxaaaabbbbccccdddd' }]);
    const op = await makeOperator();
    const res = await register({ kind: 'mini_program', platform: 'wechat', name: '换名后的停车', sector: 'parking', operatorId: op.id, identifiers: [{ type: 'mini_program_appid', value: 'wxaaaabbbbccccdddd' }] });
    expect(res.status).toBe(201);
    const [match] = res.json.probableMatches;
    expect(match).toMatchObject({ subjectId: old.id, removedOn: '2026-03-02', latestState: 'removed' });
    expect(match.reasons).toEqual([{ kind: 'identifier', type: 'mini_program_appid', value: 'wxaaaabbbbccccdddd' }]);
    const detail = await callRoute(getSubjectRoute, { path: `/api/v1/subjects/${res.json.subject.id}`, params: { id: String(res.json.subject.id) }, token: admin });
    expect(detail.json.probableMatches.map((m: { subjectId: number }) => m.subjectId)).toEqual([old.id]);
  });

  it('matches a certificate written differently, a filing root, and the same operator with a similar name', async () => {
    const cert = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
    const op = await makeOperator();
    const byCert = await removedSubject([{ type: 'cert_sha256', value: cert }], '某金融借款');
    const byFiling = await makeSubject({ name: '无关应用' }, [{ type: 'filing_number', value: '粤ICP备2023012345号-2A' }]);
    const byName = await makeSubject({ name: '速借金融借款', operatorId: op.id });
    const res = await register({
      kind: 'app', platform: 'android', name: '速借金融借款Pro', sector: 'finance', operatorId: op.id,
      identifiers: [{ type: 'cert_sha256', value: cert.replace(/:/g, '').toUpperCase() }, { type: 'filing_number', value: '粤ICP备2023012345号-5X' }],
    });
    const ids = res.json.probableMatches.map((m: { subjectId: number }) => m.subjectId);
    expect(ids).toEqual(expect.arrayContaining([byCert.id, byFiling.id, byName.id]));
    expect(ids[0]).toBe(byCert.id); // strong identifier and removed ranks first
    const nameMatch = res.json.probableMatches.find((m: { subjectId: number }) => m.subjectId === byName.id);
    expect(nameMatch.reasons[0]).toMatchObject({ kind: 'operator_name' });
  });

  it('links or dismisses a candidate (audited); decided pairs leave the candidate list', async () => {
    const old = await makeSubject({}, [{ type: 'package_name', value: 'com.example.dup' }]);
    const fresh = await makeSubject({}, [{ type: 'package_name', value: 'com.example.dup' }]);
    const get = () => callRoute(getSubjectRoute, { path: `/api/v1/subjects/${fresh.id}`, params: { id: String(fresh.id) }, token: inspector });
    expect((await get()).json.probableMatches.map((m: { subjectId: number }) => m.subjectId)).toEqual([old.id]);
    const link = (body: object, token: string | null = inspector) => callRoute(linkRoute, { method: 'POST', path: `/api/v1/subjects/${fresh.id}/links`, params: { id: String(fresh.id) }, token: token ?? undefined, body });
    expect((await link({ otherSubjectId: old.id, verdict: 'maybe' })).json.error.fields).toHaveProperty('verdict');
    expect((await link({ otherSubjectId: fresh.id, verdict: 'same' })).status).toBe(422);
    expect((await link({ otherSubjectId: old.id, verdict: 'same' }, null)).status).toBe(401);
    expect((await link({ otherSubjectId: old.id, verdict: 'same' }, admin)).status).toBe(403);
    expect((await link({ otherSubjectId: old.id, verdict: 'same', reason: '同一包名' })).status).toBe(201);
    const after = await get();
    expect(after.json.probableMatches).toEqual([]);
    expect(after.json.links).toEqual([expect.objectContaining({ otherId: old.id, verdict: 'same' })]);
    const audit = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, 'subject.link_same'));
    expect(audit).toHaveLength(1);
  });
});
