/**
 * The queue page shows each of the operator-side lists (DESIGN §9) 50 at a time, the page of each in
 * the URL (README "Limits"). On its own server (its own demo database): more than 50 cases are moved
 * to "rectified" through the API, then the "fixes to verify" list is read page by page through its
 * links, in both languages. Every case of the list is shown exactly once, in the API's order, and the
 * other lists and the queue's own filters stay as they were when a list's page moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, officeToday } from '../../lib/time';
import { loginAs, type Session } from './support/client';
import { startServer, type RunningServer } from './support/server';

let copy: RunningServer;
let supervisor: Session;

beforeAll(async () => {
  copy = await startServer({ label: 'queue-pages' });
  supervisor = await loginAs('supervisor', { baseUrl: copy.baseUrl });
}, 120_000);

afterAll(async () => {
  await copy?.stop();
});

async function bulk(body: Record<string, unknown>) {
  const res = await supervisor.fetch('/api/v1/cases/transitions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** The case ids of one list on a rendered queue page, in order, and the page's links to other pages of it. */
function listOn(html: string, testId: string): { ids: number[]; next?: string; prev?: string } {
  const ul = new RegExp(`<ul[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</ul>`).exec(html)?.[1] ?? '';
  const ids = [...ul.matchAll(/<li[^>]*data-case-id="(\d+)"/g)].map((m) => Number(m[1]));
  const pager = new RegExp(`data-testid="${testId}-pager"[\\s\\S]*?</nav>`).exec(html)?.[0] ?? '';
  const link = (rel: string) => /href="([^"]+)"/.exec([...pager.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).find((a) => a.includes(`rel="${rel}"`)) ?? '')?.[1]?.replace(/&amp;/g, '&');
  return { ids, next: link('next'), prev: link('prev') };
}

describe('the queue pages its operator-side lists', () => {
  it('shows "fixes to verify" 50 at a time, every case once, in the order of the API', async () => {
    const fixes = async () => ((await (await supervisor.fetch('/api/v1/portal-requests')).json()) as { fixesToVerify: { id: number }[] }).fixesToVerify.map((c) => c.id);
    const casesIn = async (state: string) => ((await (await supervisor.fetch(`/api/v1/cases?state=${state}&limit=200`)).json()) as { items: { id: number }[] }).items.map((c) => c.id);
    // More than 50 rectified cases: ordered (open ones are ordered first) and reported fixed.
    const need = Math.max(0, 60 - (await fixes()).length);
    const ordered = [...(await casesIn('ordered')), ...(await casesIn('notified'))].slice(0, need);
    const open = (await casesIn('open')).slice(0, need - ordered.length);
    if (open.length) await bulk({ ids: open, to: 'ordered', deadline: addDays(officeToday(), 20) });
    if (need) await bulk({ ids: [...ordered, ...open], to: 'rectified', reason: '已整改', version: '9.0.1' });
    const all = await fixes();
    expect(all.length).toBeGreaterThan(50);
    const pages = Math.ceil(all.length / 50);

    for (const lang of ['zh', 'en'] as const) {
      const headers = { cookie: `${supervisor.cookie()}; NEXT_LOCALE=${lang}` };
      let url: string | undefined = '/queue?days=7';
      const firstUnack = listOn(await (await supervisor.fetch(url, { headers })).text(), 'queue-unacknowledged').ids;
      for (let page = 1; page <= pages; page++) {
        const res = await supervisor.fetch(url!, { headers });
        expect(res.status).toBe(200);
        const html = await res.text();
        const shown = listOn(html, 'queue-fixes');
        const from = (page - 1) * 50;
        expect(shown.ids, `${lang} page ${page}`).toEqual(all.slice(from, from + 50));
        const to = from + shown.ids.length;
        expect(html).toContain(lang === 'zh' ? `第 ${from + 1}–${to} 条，共 ${all.length} 条` : `${from + 1}–${to} of ${all.length}`);
        expect(Boolean(shown.prev), `${lang} page ${page}: a link back`).toBe(page > 1);
        // The queue's own filter stays; the other lists stay on their first page.
        expect(listOn(html, 'queue-unacknowledged').ids).toEqual(firstUnack);
        if (page < pages) {
          const next = new URL(shown.next!, copy.baseUrl);
          expect(next.searchParams.get('fixesPage')).toBe(String(page + 1));
          expect(next.searchParams.get('days')).toBe('7');
          url = next.pathname + next.search;
        } else expect(shown.next).toBeUndefined();
      }
    }

    // A page past the end shows the last page; a page that is not a number shows the first.
    expect(listOn(await (await supervisor.fetch('/queue?fixesPage=4')).text(), 'queue-fixes').ids).toEqual(all.slice((pages - 1) * 50));
    expect(listOn(await (await supervisor.fetch('/queue?fixesPage=x')).text(), 'queue-fixes').ids).toEqual(all.slice(0, 50));
  });
});
