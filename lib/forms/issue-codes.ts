import type { z } from 'zod';

/**
 * Each invalid field's stable code: a key of the `validation` messages and its values
 * (`{ key: 'tooLong', values: { max: '200' } }`). The API sends them beside the English `fields`
 * (`error.fieldCodes`), so a client says every field's error in its reader's language; server
 * actions translate the same codes (lib/forms/field-errors.ts). Pure: the server and the browser
 * share it.
 */
export interface FieldCode {
  key: string;
  values?: Record<string, string>;
}
export type FieldCodes = Record<string, FieldCode>;

/** The USCC check's detail (lib/registry/uscc.ts) as its code. */
function usccCode(detail: string): FieldCode {
  let m = /must be 18 characters, got (\d+)/.exec(detail);
  if (m) return { key: 'usccLength', values: { n: m[1]! } };
  m = /invalid character "(.+)" at position (\d+)/.exec(detail);
  if (m) return { key: 'usccChar', values: { c: m[1]!, pos: m[2]! } };
  m = /expected "(.)", got "(.)"/.exec(detail);
  if (m) return { key: 'usccCheck', values: { expected: m[1]!, got: m[2]! } };
  return { key: 'format' };
}

/** One zod issue's code; `invalid` when the issue has no named rule. */
export function issueCode(issue: z.core.$ZodIssue): FieldCode {
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as { i18n?: string; detail?: string };
      if (params.i18n === 'uscc') return usccCode(params.detail ?? '');
      return { key: params.i18n ?? 'format' };
    }
    case 'too_small':
      if (issue.origin === 'array') return { key: 'atLeastOne' };
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'date') return { key: 'tooSmall', values: { min: String(issue.minimum) } };
      return { key: 'required' };
    case 'too_big':
      if (issue.origin === 'array') return { key: 'tooMany', values: { max: String(issue.maximum) } };
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'date') return { key: 'tooBig', values: { max: String(issue.maximum) } };
      return { key: 'tooLong', values: { max: String(issue.maximum) } };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'choose' };
    case 'invalid_type':
      return { key: 'required' };
    case 'invalid_format':
    case 'not_multiple_of':
      return { key: 'format' };
    case 'unrecognized_keys':
      return { key: 'unknownField' };
    default:
      return { key: 'format' };
  }
}

/** Every invalid field's code at once (the first issue of each path), keyed like `fields`. */
export function fieldCodesFromZod(error: z.ZodError): FieldCodes {
  const codes: FieldCodes = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    codes[key] ??= issueCode(issue);
  }
  return codes;
}

interface Translate {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
}

/** A field code in words, with `t` scoped to the `validation` messages; `fallback` when it has none. */
export function fieldCodeText(t: Translate, code: FieldCode, fallback: string): string {
  return t.has(code.key) ? t(code.key, code.values) : fallback;
}
