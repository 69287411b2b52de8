import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { refusalFields, refusalMessage, type Translator } from '@/lib/forms/refusal-text';
import en from '@/messages/en';
import zh from '@/messages/zh';

const root = path.resolve(__dirname, '../..');
const han = /[\u3400-\u9fff]/;

/** Every `.because('reason')` in the product's source. */
function reasonsInSource(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) for (const m of fs.readFileSync(p, 'utf8').matchAll(/\.because\(\s*(?:[^)]*\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?/g)) {
        found.add(m[1]!);
        if (m[2]) found.add(m[2]);
      }
    }
  };
  for (const dir of ['lib', 'app']) walk(path.join(root, dir));
  return [...found].sort();
}

const tr = (locale: 'zh' | 'en') => createTranslator({ locale, messages: locale === 'zh' ? zh : en }) as unknown as Translator;

describe('server refusals in the reader’s language (lib/forms/refusal-text.ts)', () => {
  it('every named refusal reason the server gives has a Chinese and an English text', () => {
    const reasons = reasonsInSource();
    expect(reasons.length).toBeGreaterThan(5);
    for (const r of reasons) {
      expect((zh.serverRefusals.reason as Record<string, string>)[r], `zh serverRefusals.reason.${r}`).toMatch(han);
      expect((en.serverRefusals.reason as Record<string, string>)[r], `en serverRefusals.reason.${r}`).toMatch(/\w/);
    }
  });

  it('a Chinese reader never gets the English message or English field texts, whatever the code', () => {
    const english = { code: 'conflict', reason: 'four_eyes', message: 'You drafted notice 3; a different supervisor must approve it.', fields: { deadline: 'Must be after today.' } };
    for (const refusal of [english, { ...english, reason: undefined }, { ...english, reason: 'unheard_of', code: 'teapot' }]) {
      expect(refusalMessage(tr('zh'), 'zh-CN', refusal)).toMatch(han);
      for (const text of Object.values(refusalFields(tr('zh'), 'zh-CN', refusal))) expect(text).toMatch(han);
    }
    expect(refusalMessage(tr('zh'), 'zh-CN', english)).toBe(zh.serverRefusals.reason.four_eyes);
  });

  it('an English reader gets the server’s own specific English', () => {
    const refusal = { code: 'conflict', reason: 'four_eyes', message: 'You drafted notice 3 (four-eyes rule).', fields: { deadline: 'Must be after today.' } };
    expect(refusalMessage(tr('en'), 'en', refusal)).toBe(refusal.message);
    expect(refusalFields(tr('en'), 'en', refusal)).toEqual(refusal.fields);
  });
});
