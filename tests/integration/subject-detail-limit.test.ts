import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listCasesRoute } from '../../app/api/v1/cases/route';
import { GET as subjectRoute } from '../../app/api/v1/subjects/[id]/route';
import { type DatabaseHandle } from '../../db/client';
import { getSubjectDetail, SUBJECT_DETAIL_ROWS } from '../../lib/registry/subject-detail';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeSubject, withTaxonomies } from '../support/fixtures';

let handle: DatabaseHandle;
let token: string;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  token = await createToken('inspector');
});
afterAll(teardownTestDatabase);

describe('a subject page never truncates silently (#15)', () => {
  it('shows the latest N cases with the total, and the case list it links to reaches the last case', async () => {
    const s = await makeSubject();
    const ids: number[] = [];
    for (const d of ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']) ids.push((await makeCase({ subjectId: s.id, inspectedOn: d })).id);

    const d = await getSubjectDetail(handle.db, s.id, 3);
    expect(d.cases.map((c) => c.id)).toEqual([...ids].reverse().slice(0, 3));
    expect(d.casesTotal).toBe(4);
    const api = await callRoute(subjectRoute, { path: `/api/v1/subjects/${s.id}`, token, params: { id: String(s.id) } });
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ casesTotal: 4, evidenceTotal: 0 });
    expect(api.json.cases.length).toBeLessThanOrEqual(SUBJECT_DETAIL_ROWS);

    // The way to the rest: /cases?subject= pages by cursor to the very first case.
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Awaited<ReturnType<typeof callRoute>> = await callRoute(listCasesRoute, { path: `/api/v1/cases?subject=${s.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, token });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((c: { id: number }) => c.id));
      cursor = page.json.nextCursor;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(ids);
  });
});
