/**
 * A server refusal in the reader's language, by its stable `code` and, where a rule has a name, its
 * `reason` (HttpError.because). The API's English `message` is specific and stays for English
 * readers; a Chinese reader gets the reason's text, else the code's, never English. Pure, so the
 * server (runAction) and the browser (API clients) say refusals the same way.
 */
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

/** Each field's error: English as sent; otherwise the field's text for the reason or code. */
export function refusalFields(t: Translator, locale: string, refusal: Refusal): Record<string, string> {
  const fields = refusal.fields ?? {};
  if (locale.startsWith('en')) return fields;
  const text = refusal.reason && t.has(`serverRefusals.field.${refusal.reason}`)
    ? t(`serverRefusals.field.${refusal.reason}`)
    : refusal.code && t.has(`serverRefusals.field.${refusal.code}`) ? t(`serverRefusals.field.${refusal.code}`) : byKey(t, refusal);
  return Object.fromEntries(Object.keys(fields).map((k) => [k, text]));
}
