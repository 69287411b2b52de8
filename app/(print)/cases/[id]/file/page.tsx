import { CaseDocumentPage, caseDocumentMetadata } from '@/components/documents/case-document-page';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params) {
  return caseDocumentMetadata('file', (await params).id);
}

/** The case file (案卷, internal) of a case, A4, for print. */
export default async function Page({ params }: Params) {
  return <CaseDocumentPage kind="file" id={(await params).id} />;
}
