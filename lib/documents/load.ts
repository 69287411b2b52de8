import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getCaseDetail } from '@/lib/cases/detail';
import { translatorFor } from '@/lib/exports/reader';
import { HttpError } from '@/lib/http/errors';
import { toLocale } from '@/lib/i18n/locales';
import { getOfficeName } from '@/lib/settings';
import { listCategories, listSectors } from '@/lib/taxonomy/queries';

/**
 * What a printed case document needs: the case, the office's name, the taxonomy labels, and the
 * translators of both languages — documents are in Chinese, with English alongside when the reader
 * works in English.
 */
export async function loadCaseDocument(id: string) {
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  let detail;
  try {
    detail = await getCaseDetail(db, Number(id));
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
  const [office, categories, sectors, locale] = await Promise.all([
    getOfficeName(db),
    listCategories(),
    listSectors(),
    getLocale().then(toLocale),
  ]);
  // Both languages whatever the reader's: the request's own translator only knows the reader's messages.
  const [zh, en] = [translatorFor('zh'), translatorFor('en')];
  return { db, detail, office, categories: new Map(categories.map((c) => [c.code, c])), sectors: new Map(sectors.map((s) => [s.code, s])), locale, zh, en };
}

export type CaseDocument = Awaited<ReturnType<typeof loadCaseDocument>>;
