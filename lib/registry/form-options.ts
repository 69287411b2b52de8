import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { operators } from '@/db/schema';
import { pickLabel, type Locale } from '@/lib/i18n/locales';
import { listSectors } from '@/lib/taxonomy/queries';

/** The choices of the subject form: operators by name (first 2,000) and sectors in the reader's language. */
export async function subjectFormOptions(locale: Locale) {
  const db = await getDb();
  const [ops, sectors] = await Promise.all([
    db.select({ id: operators.id, name: operators.name }).from(operators).orderBy(asc(operators.name)).limit(2000),
    listSectors(),
  ]);
  return { operators: ops, sectors: sectors.filter((s) => s.active).map((s) => ({ code: s.code, label: pickLabel(s, locale) })) };
}
