import { getDb } from '@/db/client';
import { pickLabel, type Locale } from '@/lib/i18n/locales';
import { listSectors } from '@/lib/taxonomy/queries';
import { operatorOption } from './operators';

/**
 * What the subject form starts with: the active sectors in the reader's language, and the operator
 * already chosen (an edit, or `?operator=` from an operator's page). Other operators are searched on
 * the server as the user types (components/registry/pickers.tsx), never listed.
 */
export async function subjectFormOptions(locale: Locale, operatorId: number | null) {
  const [operator, sectors] = await Promise.all([getDb().then((db) => operatorOption(db, operatorId)), listSectors()]);
  return { operator, sectors: sectors.filter((s) => s.active).map((s) => ({ code: s.code, label: pickLabel(s, locale) })) };
}
