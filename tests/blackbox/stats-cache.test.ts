/**
 * The dashboard's figures are kept per process under the stats version (docs/decisions/0012): a write
 * must still show at once, on the dashboard page and the stats API, on every copy. Both are read first
 * (so each copy's cache holds the old figures), two open cases are ordered through the first copy,
 * and both are read again right after. The filter option lists (sectors, categories, campaigns) are kept
 * under the same version (issue #18): a relabelled sector and category and a new campaign show at once
 * in the filters of the dashboard, the case list and the queue. The test starts its own server (its own
 * demo database); on Postgres a second web copy on that same database is read too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, officeToday } from '../../lib/time';
import { loginAs, type Session } from './support/client';
import { startServer, type RunningServer } from './support/server';

const copies: RunningServer[] = [];
const sessions: Session[] = [];

beforeAll(async () => {
  const a = await startServer({ label: 'stats-cache-a' });
  copies.push(a);
  if (a.database === 'postgres') copies.push(await startServer({ database: 'postgres', databaseUrl: a.databaseUrl, label: 'stats-cache-b' }));
  for (const copy of copies) sessions.push(await loginAs('supervisor', { baseUrl: copy.baseUrl }));
}, 120_000);

afterAll(async () => {
  for (const copy of copies.reverse()) await copy.stop();
});

/** The open and ordered counts, over every period, as the stats API and the dashboard page (its server-rendered data) show them. */
async function counts(s: Session): Promise<{ api: [number, number]; page: [number, number] }> {
  const res = await s.fetch('/api/v1/stats/summary');
  expect(res.status).toBe(200);
  const { current } = ((await res.json()) as { cases: { current: Record<string, number> } }).cases;
  const page = await s.fetch('/?period=all');
  expect(page.status).toBe(200);
  const m = /\\?"current\\?":\{\\?"open\\?":(\d+),\\?"ordered\\?":(\d+)/.exec(await page.text());
  expect(m, `${s.baseUrl}: the dashboard carries its figures`).not.toBeNull();
  return { api: [current.open ?? 0, current.ordered ?? 0], page: [Number(m![1]), Number(m![2])] };
}

describe('the cached dashboard figures show a write at once', () => {
  it('two cases ordered through one copy show on the dashboard and the API of every copy', async () => {
    const before = [];
    for (const s of sessions) {
      before.push(await counts(s));
      expect(await counts(s), `${s.baseUrl}: read twice, the same`).toEqual(before.at(-1));
    }
    const list = await sessions[0]!.fetch('/api/v1/cases?state=open&limit=2');
    const ids = ((await list.json()) as { items: { id: number }[] }).items.map((c) => c.id);
    expect(ids).toHaveLength(2);
    const moved = await sessions[0]!.fetch('/api/v1/cases/transitions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids, to: 'ordered', deadline: addDays(officeToday(), 10) }),
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    for (const [i, s] of sessions.entries()) {
      const { api, page } = await counts(s);
      const want: [number, number] = [before[i]!.api[0] - 2, before[i]!.api[1] + 2];
      expect(api, `${s.baseUrl}: the API`).toEqual(want);
      expect(page, `${s.baseUrl}: the dashboard`).toEqual(want);
    }
  });
});

describe('the cached filter lists show a change at once', () => {
  it('a sector and a category relabelled and a campaign created through one copy show in the filters of every copy', async () => {
    const pages = ['/?period=all', '/cases', '/queue'];
    const stamp = Date.now().toString(36);
    const names = { sector: `Sector ${stamp}`, category: `Category ${stamp}`, campaign: `Campaign ${stamp}` };
    const shown = async (s: Session, path: string) => {
      const res = await s.fetch(path);
      expect(res.status, `${s.baseUrl}${path}`).toBe(200);
      const html = await res.text();
      return { sector: html.includes(names.sector), category: html.includes(names.category), campaign: html.includes(names.campaign) };
    };
    // Each copy's lists are cached first.
    for (const s of sessions) for (const path of pages) expect(await shown(s, path)).toEqual({ sector: false, category: false, campaign: false });

    const admin = await loginAs('admin', { baseUrl: copies[0]!.baseUrl });
    const patch = (path: string, label: string) =>
      admin.fetch(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ labelZh: label, labelEn: label }) });
    const sector = await patch('/api/v1/sectors/parking', names.sector);
    expect(sector.status, await sector.clone().text()).toBe(200);
    const category = ((await (await admin.fetch('/api/v1/categories')).json()) as { items: { code: string }[] }).items[0]!.code;
    const relabelled = await patch(`/api/v1/categories/${category}`, names.category);
    expect(relabelled.status, await relabelled.clone().text()).toBe(200);
    const campaign = await sessions[0]!.fetch('/api/v1/campaigns', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: `cache-${stamp}`, nameZh: names.campaign, nameEn: names.campaign, startsOn: '2026-01-01', endsOn: '2026-12-31', sectors: ['parking'] }),
    });
    expect(campaign.status, await campaign.clone().text()).toBe(201);

    for (const s of sessions) {
      for (const path of pages) {
        // The case list offers every filter; the dashboard and the queue the sector and the campaign.
        const now = await shown(s, path);
        expect(path === '/cases' ? now : { ...now, category: true }, `${s.baseUrl}${path}`).toEqual({ sector: true, category: true, campaign: true });
      }
    }
  });
});
