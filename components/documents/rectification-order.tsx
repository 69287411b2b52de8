import type { CaseDocument } from '@/lib/documents/load';
import { formatDay } from '@/lib/i18n/format';
import { Bi } from './document-frame';

const cell = 'border border-[#333] px-2 py-1.5 align-top';

/** 责令整改通知书: the order served on the operator, from the case's latest order (or a marked draft before one). */
export function RectificationOrder({ doc }: { doc: CaseDocument }) {
  const { detail: d, zh, en, categories } = doc;
  const show = doc.locale === 'en';
  const lastOrder = [...d.events].reverse().find((e) => e.toState === 'ordered');
  const deadline = lastOrder?.deadline ?? d.case.deadline;
  const issuedOn = lastOrder ? formatDay(lastOrder.at) : null;
  const year = (issuedOn ?? formatDay(new Date())).slice(0, 4);
  const kind = { zh: zh(`subjectKind.${d.subject.kind}`), en: en(`subjectKind.${d.subject.kind}`) };
  const platform = { zh: zh(`platform.${d.subject.platform}`), en: en(`platform.${d.subject.platform}`) };
  const found = (t: typeof zh, k: string, p: string) => t('documents.order.found', { kind: k, name: d.subject.name, platform: p, version: d.case.foundVersion, date: d.inspection.inspectedOn });
  return (
    <article className="space-y-4" data-testid="rectification-order">
      {!lastOrder ? <p className="rounded border-2 border-dashed border-[#c4161c] px-3 py-2 text-center font-semibold text-[#c4161c]" data-testid="draft-mark"><Bi zh={zh('documents.draft')} en={en('documents.draft')} show={show} /></p> : null}
      <h1 className="text-center text-[18pt] font-bold tracking-[0.3em]"><Bi zh={zh('documents.order.title')} en={en('documents.order.title')} show={show} /></h1>
      <p className="text-center text-[10pt]"><Bi zh={zh('documents.order.number', { year, id: d.case.id })} en={en('documents.order.number', { year, id: d.case.id })} show={show} /></p>
      <div>
        <p className="font-semibold">
          <Bi
            zh={d.operator ? zh('documents.order.to', { operator: d.operator.name }) : zh('documents.order.toUnknown')}
            en={d.operator ? en('documents.order.to', { operator: d.operator.name }) : en('documents.order.toUnknown')}
            show={show}
          />
        </p>
        {d.operator ? <p className="text-[9.5pt] text-[#444]">{zh('documents.order.uscc', { uscc: d.operator.uscc })}{show ? ` · ${en('documents.order.uscc', { uscc: d.operator.uscc })}` : ''}</p> : null}
      </div>
      <p className="indent-[2em]"><Bi zh={found(zh, kind.zh, platform.zh)} en={found(en, kind.en, platform.en)} show={show} /></p>
      <table className="w-full border-collapse text-[9.5pt]">
        <thead>
          <tr className="bg-[#f2f2f2]">
            {(['no', 'category', 'description', 'legalBasis'] as const).map((k) => (
              <th key={k} scope="col" className={`${cell} text-left font-semibold`}><Bi zh={zh(`documents.order.${k}`)} en={en(`documents.order.${k}`)} show={show} /></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.findings.map((f, i) => {
            const cat = categories.get(f.category);
            return (
              <tr key={f.id}>
                <td className={`${cell} w-10 text-center tabular-nums`}>{i + 1}</td>
                <td className={`${cell} w-40`}><Bi zh={cat?.labelZh ?? f.category} en={cat?.labelEn ?? f.category} show={show} /></td>
                <td className={cell}>{f.description}</td>
                <td className={`${cell} w-52 text-[9pt]`}>{f.legalBasis ? f.legalBasis : <Bi zh={cat?.legalBasisZh ?? ''} en={cat?.legalBasisEn ?? ''} show={show} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="indent-[2em]"><Bi zh={zh('documents.order.basisIntro')} en={en('documents.order.basisIntro')} show={show} /></p>
      <p className="indent-[2em] font-semibold" data-testid="order-demand">
        <Bi zh={deadline ? zh('documents.order.demand', { deadline }) : zh('documents.order.noDeadline')} en={deadline ? en('documents.order.demand', { deadline }) : en('documents.order.noDeadline')} show={show} />
      </p>
      <p className="indent-[2em]"><Bi zh={zh('documents.order.warning')} en={en('documents.order.warning')} show={show} /></p>
      <p className="indent-[2em]"><Bi zh={zh('documents.order.contact')} en={en('documents.order.contact')} show={show} /></p>
      <div className="mt-10 ml-auto w-fit space-y-1 text-right">
        <p className="font-semibold">{doc.office.nameZh}</p>
        {show ? <p lang="en" className="text-[9pt]">{doc.office.nameEn}</p> : null}
        <p className="text-[9pt] text-[#666]"><Bi zh={zh('documents.order.seal')} en={en('documents.order.seal')} show={show} /></p>
        <p className="tabular-nums">{issuedOn ?? '____年__月__日'}</p>
      </div>
      <p className="pt-6 text-[8.5pt] text-[#666]">{zh('documents.order.caseRef', { id: d.case.id })}{show ? ` · ${en('documents.order.caseRef', { id: d.case.id })}` : ''}</p>
    </article>
  );
}
