/**
 * The office's notice list is cut at the newest MANAGED_NOTICES_MAX, never silently:
 * GET /api/v1/notices answers `total` (every notice of the filter), so a cut list shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '../../app/api/v1/notices/route';
import { createDraft } from '../../lib/notices/commands';
import { getDb } from '../../db/client';
import { listManagedNotices, MANAGED_NOTICES_MAX } from '../../lib/notices/queries';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeUser, withTaxonomies } from '../support/fixtures';
import { draftInput, makeOverdueCase } from '../support/notices';

let supervisor: string;

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  supervisor = await createToken('supervisor');
});
afterAll(teardownTestDatabase);

describe('notice list limit', () => {
  it('answers total beside the newest notices; a lower cap shows the cut', async () => {
    // Notices are drafted by a signed-in supervisor (API tokens may only read them).
    const author = await makeUser('supervisor');
    for (let i = 0; i < 3; i++) await createDraft(await getDb(), author, draftInput([(await makeOverdueCase()).id]));
    const all = await callRoute(listRoute, { path: '/api/v1/notices', token: supervisor });
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(3);
    expect(all.json.notices).toHaveLength(3);
    const drafts = await callRoute(listRoute, { path: '/api/v1/notices?status=draft', token: supervisor });
    expect(drafts.json.total).toBe(3);
    const published = await callRoute(listRoute, { path: '/api/v1/notices?status=published', token: supervisor });
    expect(published.json).toMatchObject({ notices: [], total: 0 });
    expect(MANAGED_NOTICES_MAX).toBe(200);
    expect(await listManagedNotices(await getDb(), undefined, 2)).toHaveLength(2);
    expect((await callRoute(listRoute, { path: '/api/v1/notices' })).status).toBe(401);
  });
});
