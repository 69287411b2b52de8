/**
 * The public notice pages are cached per publication (docs/decisions/0009): a reader must still see a
 * new notice, and an erratum of it, at once — on the list page, the notice page, its print view, the
 * Atom feed and the public API, in Chinese and in English. Every output is read first (so each cache
 * holds the old state), then a notice is published through the API and read again right after.
 * On Postgres a second web copy on the same database is read too: a publication made through one copy
 * shows on the other at once (each copy keeps its own cache). The pages and the feed are read through
 * the rendered-page cache (docs/decisions/0010): each is read twice and the second answer must be a
 * cache hit carrying a fresh nonce, in its header and in every script of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, request, server, type Session } from './support/client';
import { startServer, type RunningServer } from './support/server';

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];
/** In every title, both languages (ASCII, so the English outputs stay free of Chinese). */
const marker = `cache${Date.now().toString(36)}`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let bases: string[] = [];
let copyB: RunningServer | undefined;
let author: Session;
let approver: Session;

const get = (base: string, path: string, lang: Lang) =>
  request(path, { headers: { cookie: `NEXT_LOCALE=${lang}`, 'accept-language': lang === 'zh' ? 'zh-CN' : 'en' } }, base);

/** The nonce of a page's Content-Security-Policy. */
const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

/**
 * Every public output of `slug` (or of the list alone), as text, from one copy in one language. The
 * pages and the feed are read twice: the second answer must come from the page cache
 * (docs/decisions/0010, `X-Rectify-Cache: hit`) and say the same, so what is checked is what the cache serves.
 */
async function outputs(base: string, lang: Lang, slug?: string): Promise<Record<string, string>> {
  const paths = ['/notices', `/notices/feed.xml${lang === 'en' ? '?lang=en' : ''}`, '/api/public/notices'];
  if (slug) paths.push(`/notices/${slug}`, `/notices/${slug}/print`, `/api/public/notices/${slug}`);
  const out: Record<string, string> = {};
  for (const p of paths) {
    const res = await get(base, p, lang);
    const text = await res.text();
    if (!p.startsWith('/api/') && res.status === 200) {
      const again = await get(base, p, lang);
      expect(again.headers.get('x-rectify-cache'), `${base} ${lang} ${p} the second time`).toBe('hit');
      const first = nonceOf(res);
      const second = nonceOf(again);
      const body = await again.text();
      if (first && second) {
        expect(second, `${base} ${lang} ${p}: a fresh nonce on a cached answer`).not.toBe(first);
        expect(body.split(second).join('N'), `${base} ${lang} ${p}: the cached answer is the page`).toBe(text.split(first).join('N'));
      } else expect(body).toBe(text);
    }
    out[p] = `${res.status} ${text}`;
  }
  return out;
}

/** Drafts, approves (the second supervisor) and publishes a notice; returns its id and slug. */
async function publish(body: Record<string, unknown>): Promise<{ id: number; slug: string }> {
  const created = await author.fetch('/api/v1/notices', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(created.status, await created.clone().text()).toBe(201);
  const { notice } = (await created.json()) as { notice: { id: number } };
  const approved = await approver.fetch(`/api/v1/notices/${notice.id}/approve`, { method: 'POST' });
  expect(approved.status, await approved.clone().text()).toBe(200);
  const published = await author.fetch(`/api/v1/notices/${notice.id}/publish`, { method: 'POST' });
  expect(published.status, await published.clone().text()).toBe(200);
  return { id: notice.id, slug: ((await published.json()) as { notice: { slug: string } }).notice.slug };
}

beforeAll(async () => {
  bases = [server().baseUrl];
  if (server().database === 'postgres' && server().databaseUrl) {
    copyB = await startServer({ database: 'postgres', databaseUrl: server().databaseUrl, label: 'public-cache-b' });
    bases.push(copyB.baseUrl);
  }
  author = await loginAs('supervisor');
  approver = await loginAs('supervisor2');
}, 120_000);

afterAll(async () => {
  await copyB?.stop();
});

describe('the cached public pages show a publication and an erratum at once', () => {
  let first: { id: number; slug: string };
  let caseId: number;

  it('a cached page carries a fresh nonce in its policy and in every script; a signed-in reader is not served from the cache', async () => {
    await get(bases[0]!, '/notices', 'zh');
    const res = await get(bases[0]!, '/notices', 'zh');
    expect(res.headers.get('x-rectify-cache')).toBe('hit');
    const nonce = nonceOf(res);
    expect(nonce).toBeTruthy();
    const html = await res.text();
    const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    const signedIn = await author.fetch('/notices');
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('x-rectify-cache')).toBeNull();
    const navigation = await request('/notices', { headers: { rsc: '1' } }, bases[0]);
    expect(navigation.headers.get('x-rectify-cache')).toBeNull();
  });

  it('a new notice shows at once on the list, its pages, the feed and the API, on every copy, in both languages', async () => {
    // Warm every cache with the state before the publication (and a published notice's page).
    const before = (await (await request('/api/public/notices')).json()) as { notices: { slug: string }[] };
    for (const base of bases) for (const lang of LANGS) {
      const seen = await outputs(base, lang, before.notices[0]!.slug);
      for (const [p, text] of Object.entries(seen)) expect(text, `${base} ${lang} ${p}`).not.toContain(marker);
    }

    const candidates = (await (await author.fetch('/api/v1/notices/candidates?kind=rectification')).json()) as { items: { caseId: number }[] };
    caseId = candidates.items[0]!.caseId;
    first = await publish({ kind: 'rectification', titleZh: `${marker}缓存测试通报`, titleEn: `${marker} cache test notice`, introZh: '缓存测试导语', introEn: 'Cache test intro', deadline: inDays(30), caseIds: [caseId] });

    for (const base of bases) for (const lang of LANGS) {
      const seen = await outputs(base, lang, first.slug);
      for (const [p, text] of Object.entries(seen)) {
        expect(text.slice(0, 3), `${base} ${lang} ${p}`).toBe('200');
        expect(text, `${base} ${lang} ${p} shows the new notice`).toContain(marker);
      }
    }
  });

  it('an erratum shows at once, and the corrected notice says it is corrected, everywhere', async () => {
    // The corrected notice's own page is cached now, without an erratum.
    for (const base of bases) for (const lang of LANGS) {
      const page = await (await get(base, `/api/public/notices/${first.slug}`, lang)).json() as { correctedBy: unknown[] };
      expect(page.correctedBy).toEqual([]);
      await get(base, `/notices/${first.slug}`, lang);
    }
    const erratum = await publish({ kind: 'rectification', titleZh: `${marker}缓存测试更正`, titleEn: `${marker} cache test erratum`, introZh: '更正', introEn: 'Erratum', caseIds: [caseId], correctsNoticeId: first.id });

    for (const base of bases) for (const lang of LANGS) {
      const seen = await outputs(base, lang, erratum.slug);
      for (const [p, text] of Object.entries(seen)) expect(text, `${base} ${lang} ${p} shows the erratum`).toContain(marker);
      const corrected = (await (await get(base, `/api/public/notices/${first.slug}`, lang)).json()) as { correctedBy: { slug: string }[] };
      expect(corrected.correctedBy.map((c) => c.slug), `${base} API of the corrected notice`).toEqual([erratum.slug]);
      const html = await (await get(base, `/notices/${first.slug}`, lang)).text();
      expect(html, `${base} ${lang} page of the corrected notice links the erratum`).toContain(`/notices/${erratum.slug}`);
      const list = (await (await get(base, '/api/public/notices', lang)).json()) as { notices: { slug: string }[] };
      expect(list.notices.map((n) => n.slug), `${base} list`).toContain(erratum.slug);
      const feed = await (await get(base, `/notices/feed.xml${lang === 'en' ? '?lang=en' : ''}`, lang)).text();
      expect(feed, `${base} ${lang} feed`).toContain(lang === 'en' ? `${marker} cache test erratum` : `${marker}缓存测试更正`);
    }
  });
});
