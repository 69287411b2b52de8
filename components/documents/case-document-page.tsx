import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { loadCaseDocument } from '@/lib/documents/load';
import { CaseFile } from './case-file';
import { DocumentFrame } from './document-frame';
import { RectificationOrder } from './rectification-order';

const DOCUMENTS = {
  order: { title: 'orderDoc', testId: 'print-order', Body: RectificationOrder },
  file: { title: 'caseFileDoc', testId: 'print-case-file', Body: CaseFile },
} as const;
export type CaseDocumentKind = keyof typeof DOCUMENTS;

export async function caseDocumentMetadata(kind: CaseDocumentKind, id: string): Promise<Metadata> {
  return { title: `${(await getTranslations('caseWork'))(DOCUMENTS[kind].title)} #${id}`, robots: { index: false } };
}

/** A printed document of a case (staff only): the order or the case file, A4 under the office's header. */
export async function CaseDocumentPage({ kind, id }: { kind: CaseDocumentKind; id: string }) {
  await requirePagePermission('case:read');
  const doc = await loadCaseDocument(id);
  const t = doc.locale === 'en' ? doc.en : doc.zh;
  const { Body, testId } = DOCUMENTS[kind];
  return (
    <DocumentFrame office={doc.office} bilingual={doc.locale === 'en'} back={{ href: `/cases/${doc.detail.case.id}`, label: t('documents.back') }} labels={{ print: t('documents.print'), hint: t('documents.printHint') }} testId={testId}>
      <Body doc={doc} />
    </DocumentFrame>
  );
}
