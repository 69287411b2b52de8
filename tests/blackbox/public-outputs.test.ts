/**
 * Every public output of the published notices — the list and notice pages, the print view, the JSON,
 * the CSV and the Atom feed — in Chinese and in English, has no empty field: an empty cell in public
 * is the office saying nothing where it owes the reader a word (issue #16: the seeded notices once
 * had an empty "Problems found" column in English). Over HTTP only, on the seeded demo notices.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from './support/client';

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];
const han = /[\u3400-\u9fff]/;

interface Entry { no: number; appName: string; operator: string; source: Record<Lang, string>; version: string; filingNumber: string | null; region: string; problems: Record<Lang, string>; categories: string[]; deadline: string | null }
interface Notice { slug: string; kind: 'rectification' | 'removal'; title: Record<Lang, string>; label: Record<Lang, string>; intro: Record<Lang, string>; deadline: string | null; entries?: Entry[] }

let notices: Notice[] = [];

const page = (path: string, lang: Lang) => request(path, { headers: { cookie: `NEXT_LOCALE=${lang}`, 'accept-language': lang === 'zh' ? 'zh-CN' : 'en' } });

/** Paths of every empty string in a JSON value; `null` is "not given" and an empty list "none". */
function emptyPaths(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyPaths(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => emptyPaths(v, `${at}.${k}`));
  return [];
}

/** The text of every table cell of an HTML page (tags stripped, entities left). */
function cells(html: string): string[] {
  return [...html.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim());
}

/** RFC 4180 enough for our own CSV: quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

beforeAll(async () => {
  const list = (await (await request('/api/public/notices')).json()) as { notices: Notice[] };
  notices = await Promise.all(list.notices.map(async (n) => (await (await request(`/api/public/notices/${encodeURIComponent(n.slug)}`)).json()) as Notice));
});

describe('public outputs have no empty field, in both languages', () => {
  it('the demo publishes notices with annex rows to check', () => {
    expect(notices.length).toBeGreaterThanOrEqual(2);
    for (const n of notices) expect(n.entries?.length, n.slug).toBeGreaterThan(0);
  });

  it('JSON: every string of every notice and annex row is filled, in both languages', () => {
    for (const n of notices) {
      expect(emptyPaths(n), n.slug).toEqual([]);
      for (const e of n.entries!) {
        expect(e.categories.length, `${n.slug} #${e.no} categories`).toBeGreaterThan(0);
        expect(e.problems.en, `${n.slug} #${e.no} problems.en`).toMatch(/[a-z]/i);
        expect(e.problems.en, `${n.slug} #${e.no} problems.en`).not.toMatch(han);
        expect(e.problems.zh, `${n.slug} #${e.no} problems.zh`).toMatch(han);
        // A removal notice gives no new deadline: its rows say so with null, never an empty string.
        if (n.kind === 'rectification') expect(e.deadline, `${n.slug} #${e.no} deadline`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('CSV: every cell of every row is filled, headers in the reader’s language', async () => {
    for (const n of notices) for (const lang of LANGS) {
      const res = await request(`/api/public/notices/${encodeURIComponent(n.slug)}?format=csv${lang === 'en' ? '&lang=en' : ''}`);
      expect(res.status).toBe(200);
      const rows = parseCsv((await res.text()).replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c !== ''));
      const [header, ...body] = rows;
      expect(header!.join(' '), `${n.slug} ${lang} header`).toMatch(lang === 'zh' ? han : /^[^\u3400-\u9fff]+$/);
      expect(body.length).toBe(n.entries!.length);
      const deadlineCol = header!.length - 1;
      for (const [i, r] of body.entries()) {
        r.forEach((cell, col) => {
          if (col === deadlineCol && n.kind === 'removal') return; // no deadline on a removal notice (JSON: null)
          expect(cell.trim(), `${n.slug} ${lang} row ${i + 1} column "${header![col]}"`).not.toBe('');
        });
      }
    }
  });

  it('pages: the list, each notice and its print view fill every table cell, in both languages', async () => {
    for (const lang of LANGS) {
      for (const path of ['/notices', ...notices.flatMap((n) => [`/notices/${encodeURIComponent(n.slug)}`, `/notices/${encodeURIComponent(n.slug)}/print`])]) {
        const res = await page(path, lang);
        expect(res.status, `${lang} ${path}`).toBe(200);
        const html = await res.text();
        const texts = cells(html);
        expect(texts.length, `${lang} ${path} has a table`).toBeGreaterThan(0);
        const empty = texts.map((c, i) => [i, c] as const).filter(([, c]) => c === '');
        expect(empty.map(([i]) => i), `${lang} ${path}: empty cells`).toEqual([]);
      }
    }
  });

  it('the Atom feed: every title and summary filled, in the feed’s language', async () => {
    for (const lang of LANGS) {
      const xml = await (await request(`/notices/feed.xml${lang === 'en' ? '?lang=en' : ''}`)).text();
      const texts = [...xml.matchAll(/<(title|summary|name)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!.trim());
      expect(texts.length).toBeGreaterThan(notices.length);
      for (const t of texts) {
        expect(t, `${lang} feed`).not.toBe('');
        if (lang === 'en') expect(t, 'English feed').not.toMatch(han);
        else expect(t, 'Chinese feed').toMatch(han);
      }
    }
  });
});
