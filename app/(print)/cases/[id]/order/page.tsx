import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { loadCaseDocument } from '@/lib/documents/load';
import { DocumentFrame } from '@/components/documents/document-frame';
import { RectificationOrder } from '@/components/documents/rectification-order';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `${(await getTranslations('caseWork'))('orderDoc')} #${(await params).id}`, robots: { index: false } };
}

/** The rectification order of a case, A4, for print (staff only). */
export default async function OrderPage({ params }: Params) {
  await requirePagePermission('case:read');
  const doc = await loadCaseDocument((await params).id);
  const t = doc.locale === 'en' ? doc.en : doc.zh;
  return (
    <DocumentFrame office={doc.office} bilingual={doc.locale === 'en'} back={{ href: `/cases/${doc.detail.case.id}`, label: t('documents.back') }} labels={{ print: t('documents.print'), hint: t('documents.printHint') }} testId="print-order">
      <RectificationOrder doc={doc} />
    </DocumentFrame>
  );
}
