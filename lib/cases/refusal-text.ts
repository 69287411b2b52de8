import { getTranslations } from 'next-intl/server';
import { refusalResult } from '@/lib/actions/result';
import { actionError, type ActionResult } from '@/lib/http/action';
import { TransitionRefusedError, type RefusalDetail } from './refusals';

/** Any translator over the whole catalogue (next-intl's, or createTranslator's in tests). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** One refusal in the reader's language: its states, role and channels named as the UI names them. */
export function refusalText(t: Translate, refusal: RefusalDetail): string {
  const values: Record<string, string> = { ...refusal.params };
  for (const key of ['from', 'to'] as const) if (values[key]) values[key] = t(`caseState.${values[key]}`);
  if (values.role) values.role = t(`role.${values.role}`);
  if (values.channels !== undefined) {
    values.via = values.channels.split(',').map((c) => t(`refusals.via.${c}`)).join(t('refusals.or'));
    delete values.channels;
  }
  return t(`refusals.${refusal.key}`, values);
}

/**
 * The error half of a transition action: what `actionError` answers, with every refusal of the
 * ladder said in the reader's language (one case: its fields and message; many: per case id).
 */
export async function transitionActionError(err: unknown): Promise<ActionResult<never>> {
  if (!(err instanceof TransitionRefusedError)) return refusalResult(err);
  const result = actionError(err);
  if (result.ok) return result;
  const t = (await getTranslations()) as unknown as Translate;
  const texts = Object.fromEntries(Object.entries(err.refusals).map(([id, refusal]) => [id, refusalText(t, refusal)]));
  const fieldKeys = Object.keys(err.fields ?? {});
  const perCase = fieldKeys.length > 0 && fieldKeys.every((k) => k in texts);
  if (perCase) {
    return { ...result, message: t('refusals.bulk', { refused: fieldKeys.length, to: t(`caseState.${err.to}`) }), fieldErrors: texts };
  }
  const text = Object.values(texts)[0] ?? result.message;
  return { ...result, message: text, fieldErrors: Object.fromEntries(fieldKeys.map((k) => [k, text])) };
}
