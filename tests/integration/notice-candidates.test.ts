/** GET /api/v1/notices/candidates: paged like every list, with a total; the last page is reachable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as candidatesRoute } from '../../app/api/v1/notices/candidates/route';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeSubject, withTaxonomies } from '../support/fixtures';
import { makeOverdueCase } from '../support/notices';

let supervisor: string;
const made: number[] = [];

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  supervisor = await createToken('supervisor');
  const subject = await makeSubject({ sector: 'parking' });
  for (let i = 0; i < 7; i++) made.push((await makeOverdueCase({ subjectId: subject.id, daysAgo: 2 + (i % 3) })).id);
}, 60_000);
afterAll(teardownTestDatabase);

const get = (query: string, token: string | undefined = supervisor) => callRoute(candidatesRoute, { path: `/api/v1/notices/candidates?${query}`, token });

describe('GET /api/v1/notices/candidates', () => {
  it('pages to the last page with a total: every candidate once, earliest deadline first', async () => {
    const seen: { caseId: number; deadline: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`kind=rectification&sector=parking&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.json.total).toBe(7);
      seen.push(...res.json.items);
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((c) => c.caseId).sort((x, y) => x - y)).toEqual([...made].sort((x, y) => x - y));
    const keys = seen.map((c) => `${c.deadline}.${String(c.caseId).padStart(9, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('names each bad field (400), asks for credentials (401) and refuses an inspector (403)', async () => {
    const bad = await get('kind=poster&limit=201&cursor=%21');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['kind', 'limit']);
    expect(bad.json.error.fields.limit).toMatch(/at most 200/);
    const cursor = await get('kind=rectification&cursor=nonsense');
    expect(cursor.status).toBe(400);
    expect(Object.keys(cursor.json.error.fields)).toEqual(['cursor']);
    expect((await callRoute(candidatesRoute, { path: '/api/v1/notices/candidates?kind=rectification' })).status).toBe(401);
    expect((await get('kind=rectification', await createToken('inspector'))).status).toBe(403);
  });
});
