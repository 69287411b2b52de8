import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { checkTransition, REFUSAL_KEYS, type Refusal, type TransitionContext } from '@/lib/cases/ladder';
import { refusalText, type Translate } from '@/lib/cases/refusal-text';
import { CASE_REFUSAL_KEYS, type RefusalDetail } from '@/lib/cases/refusals';
import en from '@/messages/en';
import zh from '@/messages/zh';

const CATALOGUES = { zh, en } as const;
const translator = (locale: 'zh' | 'en') =>
  createTranslator({ locale, messages: CATALOGUES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

const today = '2026-06-15';
const base: TransitionContext = { from: 'open', to: 'ordered', role: 'inspector', channel: 'direct', input: {}, currentDeadline: null, today };

/** One ladder context per refusal key: every key the ladder can give is reached. */
const SCENARIOS: Record<(typeof REFUSAL_KEYS)[number], Partial<TransitionContext>> = {
  state: { from: 'verified', to: 'ordered' },
  channel: { from: 'ordered', to: 'notified', role: 'supervisor' },
  role: { from: 'open', to: 'withdrawn', input: { reason: 'x' } },
  reasonRequired: { from: 'ordered', to: 'rectified', input: { version: '1' } },
  fixedVersionRequired: { from: 'ordered', to: 'rectified', input: { reason: 'fixed' } },
  retestVersionRequired: { from: 'rectified', to: 'verified' },
  deadlineRequired: {},
  deadlineFormat: { input: { deadline: '15/07/2026' } },
  deadlineNotFuture: { input: { deadline: today } },
  deadlineNotPassed: { from: 'ordered', to: 'notified', role: 'supervisor', channel: 'rectification_notice', currentDeadline: '2026-07-01' },
  takedownRequired: { from: 'notified', to: 'removed', role: 'supervisor' },
};

describe('ladder refusals in the reader’s language', () => {
  const keys = [...REFUSAL_KEYS, ...CASE_REFUSAL_KEYS];

  it('every refusal key has a Chinese and an English text naming the same values', () => {
    for (const key of keys) {
      const zhText = (zh.refusals as Record<string, unknown>)[key];
      const enText = (en.refusals as Record<string, unknown>)[key];
      expect(typeof zhText === 'string' && zhText.length > 0, `zh refusals.${key}`).toBe(true);
      expect(typeof enText === 'string' && enText.length > 0, `en refusals.${key}`).toBe(true);
      expect(placeholders(zhText as string), key).toEqual(placeholders(enText as string));
    }
  });

  for (const key of REFUSAL_KEYS) {
    it(`${key}: the ladder gives it, and it reads fully in both languages`, () => {
      const verdict = checkTransition({ ...base, ...SCENARIOS[key] });
      expect(verdict.ok).toBe(false);
      const refusal = verdict as Refusal;
      expect(refusal.key).toBe(key);
      const zhText = refusalText(translator('zh'), refusal);
      const enText = refusalText(translator('en'), refusal);
      expect(zhText).toMatch(/[\u4e00-\u9fff]/);
      expect(zhText).not.toMatch(/[{}]|\b(open|ordered|notified|rectified|verified|removed|inspector|supervisor|rectification_notice)\b/);
      expect(enText).not.toMatch(/[{}]/);
    });
  }

  it('names states, roles and channels as the UI does', () => {
    const t = translator('zh');
    const channel = checkTransition({ ...base, ...SCENARIOS.channel }) as Refusal;
    expect(refusalText(t, channel)).toBe(`“${t('caseState.ordered')}”→“${t('caseState.notified')}”只能通过发布整改通报。`);
    const role = checkTransition({ ...base, ...SCENARIOS.role }) as Refusal;
    expect(refusalText(translator('en'), role)).toBe(`The ${translator('en')('role.inspector')} role may not move a case from ${translator('en')('caseState.open')} to ${translator('en')('caseState.withdrawn')}.`);
    const stale: RefusalDetail = { key: 'stale', params: { revision: '7' } };
    expect(refusalText(t, stale)).toContain('7');
  });
});
