import { CaseDocumentPage, caseDocumentMetadata } from '@/components/documents/case-document-page';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params) {
  return caseDocumentMetadata('order', (await params).id);
}

/** The rectification order (责令整改通知书) of a case, A4, for print. */
export default async function Page({ params }: Params) {
  return <CaseDocumentPage kind="order" id={(await params).id} />;
}
