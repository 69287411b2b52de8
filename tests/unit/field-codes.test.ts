import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldCodesFromZod } from '@/lib/forms/issue-codes';
import { refusalFields, type Translator } from '@/lib/forms/refusal-text';
import { toHttpError } from '@/lib/http/route';
import { reportBodySchema } from '@/lib/portal/schemas';
import { operatorInputSchema } from '@/lib/registry/schemas';
import en from '@/messages/en';
import zh from '@/messages/zh';

const tr = (locale: 'zh' | 'en') => createTranslator({ locale, messages: locale === 'zh' ? zh : en }) as unknown as Translator;
const han = /[\u3400-\u9fff]/;

function refusalOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  const body = toHttpError(parsed.error)!.toBody().error as { code: string; message: string; fields: Record<string, string>; fieldCodes: ReturnType<typeof fieldCodesFromZod> };
  return body;
}

/** Per-field API validation errors carry stable codes, and a client says them in its reader's language. */
describe('field codes of invalid input (lib/forms/issue-codes.ts)', () => {
  it('the API sends a code beside each field\'s English message', () => {
    const body = refusalOf(reportBodySchema, { version: '', description: 'x'.repeat(5000) });
    expect(body.code).toBe('invalid_input');
    expect(Object.keys(body.fieldCodes).sort()).toEqual(Object.keys(body.fields).sort());
    expect(body.fieldCodes.version).toEqual({ key: 'required' });
    expect(body.fieldCodes.description).toEqual({ key: 'tooLong', values: { max: '4000' } });
  });

  it('a Chinese reader sees each field in Chinese, an English reader in plain words, not zod\'s', () => {
    const body = refusalOf(reportBodySchema, { version: '', description: 'x'.repeat(5000) });
    const zhFields = refusalFields(tr('zh'), 'zh-CN', body);
    expect(zhFields.version).toBe(zh.validation.required);
    expect(zhFields.description).toBe('最多 4000 个字符。');
    for (const text of Object.values(zhFields)) expect(text).toMatch(han);
    const enFields = refusalFields(tr('en'), 'en', body);
    expect(enFields.description).toBe('At most 4000 characters.');
    expect(enFields.version).toBe('Required.');
  });

  it('a wrong USCC check digit says which digit, in either language', () => {
    const body = refusalOf(operatorInputSchema, { name: '某公司', uscc: '91310000MA1FL0000X', region: '310000' });
    expect(body.fieldCodes.uscc?.key).toBe('usccCheck');
    expect(refusalFields(tr('zh'), 'zh-CN', body).uscc).toMatch(/^校验码错误：应为 .，实为 X。$/);
    expect(refusalFields(tr('en'), 'en', body).uscc).toMatch(/^The check digit is wrong: expected ., got X\.$/);
  });

  it('every code the mapping can give has a text in both languages', () => {
    const keys = ['required', 'tooLong', 'tooSmall', 'tooBig', 'tooMany', 'choose', 'format', 'atLeastOne', 'unknownField', 'usccLength', 'usccChar', 'usccCheck'];
    for (const key of keys) {
      expect((zh.validation as Record<string, string>)[key], `zh validation.${key}`).toMatch(han);
      expect((en.validation as Record<string, string>)[key], `en validation.${key}`).toMatch(/\w/);
    }
  });
});
