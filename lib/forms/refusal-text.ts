/**
 * A server refusal in the reader's language, by its stable `code` and, where a rule has a name, its
 * `reason` (HttpError.because). The API's English `message` is specific and stays for English
 * readers; a Chinese reader gets the reason's text, else the code's, never English. Pure, so the
 * server (runAction) and the browser (API clients) say refusals the same way.
 */
import { fieldCodeText, type FieldCodes } from './issue-codes';

export interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export interface Refusal {
  status?: number;
  code?: string;
  reason?: string;
  message: string;
  fields?: Record<string, string>;
  /** Each field's stable code (lib/forms/issue-codes.ts), when the API sent them. */
  fieldCodes?: FieldCodes;
}

function byKey(t: Translator, refusal: Refusal): string {
  if (refusal.reason && t.has(`serverRefusals.reason.${refusal.reason}`)) return t(`serverRefusals.reason.${refusal.reason}`);
  if (refusal.code && t.has(`serverRefusals.code.${refusal.code}`)) return t(`serverRefusals.code.${refusal.code}`);
  return t('serverRefusals.other');
}

/** The refusal's headline. */
export function refusalMessage(t: Translator, locale: string, refusal: Refusal): string {
  return locale.startsWith('en') ? refusal.message : byKey(t, refusal);
}

/**
 * Each field's error: by its field code where the API sent one (an invalid field, in either
 * language); otherwise English as sent, or the field's text for the reason or code.
 */
export function refusalFields(t: Translator, locale: string, refusal: Refusal): Record<string, string> {
  const fields = refusal.fields ?? {};
  const codes = refusal.fieldCodes ?? {};
  if (Object.keys(codes).length) {
    const other = locale.startsWith('en') ? null : byKey(t, refusal);
    const validation = Object.assign((key: string, values?: Record<string, string | number>) => t(`validation.${key}`, values), { has: (key: string) => t.has(`validation.${key}`) });
    return Object.fromEntries(
      [...new Set([...Object.keys(fields), ...Object.keys(codes)])].map((k) => [k, codes[k] ? fieldCodeText(validation, codes[k], other ?? fields[k] ?? '') : (other ?? fields[k] ?? '')]),
    );
  }
  if (locale.startsWith('en')) return fields;
  const text = refusal.reason && t.has(`serverRefusals.field.${refusal.reason}`)
    ? t(`serverRefusals.field.${refusal.reason}`)
    : refusal.code && t.has(`serverRefusals.field.${refusal.code}`) ? t(`serverRefusals.field.${refusal.code}`) : byKey(t, refusal);
  return Object.fromEntries(Object.keys(fields).map((k) => [k, text]));
}
