/**
 * No language leaks on staff pages (issue #16): a Chinese reader meets no English label and an
 * English reader no untranslated Chinese label. Every staff page is fetched over HTTP as each role
 * that may open it, in each language, and its visible text (scripts and styles stripped) is scanned
 * for the other catalogue's labels: the UI's own words, never the data (app and operator names are
 * Chinese in both languages).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type DemoRole, type Session } from './support/client';

type Lang = 'zh' | 'en';
const han = /[\u3400-\u9fff]/;

/** Every string of a message catalogue folder (the known labels), by key path. */
function catalogue(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, at: string) => {
    if (typeof v === 'string') out.set(at, v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  const dir = path.resolve(__dirname, '../../messages', lang);
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) walk(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), '');
  return out;
}

/** The longest literal run of a message (placeholders and ICU plural syntax cut out). */
const literal = (text: string) => text.split(/\{[^}]*\}|[{}#]/).map((s) => s.trim()).sort((a, b) => b.length - a.length)[0] ?? '';

/** Labels a reader of `lang` must never see: the other language's UI words that are not its own too. */
function foreignLabels(lang: Lang): string[] {
  const own = new Set([...catalogue(lang).values()].map(literal));
  const other = [...catalogue(lang === 'zh' ? 'en' : 'zh').values()].map(literal).filter((s) => !own.has(s));
  if (lang === 'zh') return [...new Set(other.filter((s) => /^[A-Za-z][A-Za-z ,’'-]{11,}[A-Za-z.]$/.test(s) && s.includes(' ')))];
  // The Chinese labels the English UI once showed untranslated (issue #16), and every catalogue
  // label of 8+ characters: shorter ones also occur in the data, which is Chinese in both languages
  // (a case's reason "责令限期整改，整改期限7日" contains the label 整改期限).
  const known = ['运营主体', '属地', '禁止搜索', '约谈', '屡查屡犯', '重复违规'];
  return [...new Set([...known, ...other.filter((s) => han.test(s) && s.length >= 8 && !/[A-Za-z]/.test(s))])];
}

/** Visible text: no scripts, styles or tags; entities decoded enough for CJK and punctuation. */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** aria-label, title, placeholder and alt texts: read aloud or shown, so in the reader's language too. */
function attributeTexts(html: string): string[] {
  return [...html.replace(/<script\b[\s\S]*?<\/script>/g, '').matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]!);
}

const STAFF_PAGES: Record<DemoRole, string[]> = {
  inspector: ['/?period=all', '/cases', '/queue', '/subjects', '/subjects/new', '/operators', '/operators/new', '/inspections/new', '/offenders', '/imports'],
  supervisor: ['/notices/manage', '/notices/manage/new'],
  supervisor2: [],
  admin: ['/admin/users', '/admin/tokens', '/admin/rules', '/admin/settings'],
};

let sessions: Partial<Record<DemoRole, Session>> = {};
const detailPages: { role: DemoRole; path: string }[] = [];

async function firstId(s: Session, api: string): Promise<number | undefined> {
  const res = await s.fetch(api);
  if (!res.ok) return undefined;
  const body = (await res.json()) as { items?: { id: number }[] };
  return body.items?.[0]?.id;
}

beforeAll(async () => {
  sessions = { inspector: await loginAs('inspector'), supervisor: await loginAs('supervisor'), admin: await loginAs('admin') };
  const s = sessions.inspector!;
  const caseId = await firstId(s, '/api/v1/cases?limit=1&state=ordered');
  const subjectId = await firstId(s, '/api/v1/subjects?limit=1');
  const operatorId = await firstId(s, '/api/v1/operators?limit=1');
  const flagId = await firstId(s, '/api/v1/offenders?limit=1');
  if (caseId) detailPages.push({ role: 'inspector', path: `/cases/${caseId}` }, { role: 'inspector', path: `/cases/${caseId}/order` }, { role: 'inspector', path: `/cases/${caseId}/file` });
  if (subjectId) detailPages.push({ role: 'inspector', path: `/subjects/${subjectId}` });
  if (operatorId) detailPages.push({ role: 'inspector', path: `/operators/${operatorId}` }, { role: 'inspector', path: `/offenders/operators/${operatorId}` });
  if (flagId) detailPages.push({ role: 'supervisor', path: `/offenders/${flagId}` });
});

describe('staff pages speak one language', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`a ${lang === 'zh' ? 'Chinese' : 'English'} reader sees none of the other language's labels on any staff page`, async () => {
      const labels = foreignLabels(lang);
      expect(labels.length).toBeGreaterThan(20);
      const pages = [...Object.entries(STAFF_PAGES).flatMap(([role, paths]) => paths.map((p) => ({ role: role as DemoRole, path: p }))), ...detailPages];
      expect(pages.length).toBeGreaterThan(20);
      const leaks: string[] = [];
      for (const { role, path: p } of pages) {
        const res = await sessions[role]!.fetch(p, { headers: { cookie: `${sessions[role]!.cookie()}; NEXT_LOCALE=${lang}` } });
        expect(res.status, `${lang} ${p}`).toBe(200);
        const html = await res.text();
        expect(html, `${p} is rendered in ${lang}`).toContain(`lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
        const text = `${visibleText(html)} ${attributeTexts(html).join(' ')}`;
        // The office's documents (order, case file) are Chinese by design, with English beneath.
        if (lang === 'en' && /\/(order|file)$/.test(p)) continue;
        for (const label of labels) if (text.includes(label)) leaks.push(`${p}: "${label}"`);
      }
      expect(leaks, `${lang} pages show the other language's labels`).toEqual([]);
    });
  }
});
