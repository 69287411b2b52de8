import { listComments } from '@/lib/cases/comments';
import type { CaseDocument } from '@/lib/documents/load';
import { evidenceFileName } from '@/lib/evidence/download';
import { officeZoneName } from '@/lib/exports/reader';
import { formatBytes, formatDateTime } from '@/lib/i18n/format';
import { Bi } from './document-frame';

const cell = 'border border-[#999] px-1.5 py-1 align-top';
const MAX_COMMENTS = 200;

function Section({ zh, en, show, children }: { zh: string; en: string; show: boolean; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="border-l-4 border-[#c4161c] pl-2 text-[12pt] font-bold"><Bi zh={zh} en={en} show={show} /></h2>
      {children}
    </section>
  );
}

/** 案卷: the whole case on paper — summary, findings, every evidence file with its SHA-256, the timeline, re-tests and internal comments. */
export async function CaseFile({ doc }: { doc: CaseDocument }) {
  const { detail: d, zh, en, categories, sectors } = doc;
  const show = doc.locale === 'en';
  const L = (key: string) => ({ zh: zh(`documents.caseFile.${key}` as 'documents.caseFile.title'), en: en(`documents.caseFile.${key}` as 'documents.caseFile.title') });
  const th = (key: string) => <th scope="col" className={`${cell} bg-[#f2f2f2] text-left font-semibold`}><Bi {...L(key)} show={show} /></th>;
  const comments = await listComments(doc.db, d.case.id, { limit: MAX_COMMENTS });
  const sector = sectors.get(d.subject.sector);
  const evidence = [
    ...d.findings.flatMap((f, i) => f.evidence.map((e) => ({ ...e, to: { zh: zh('documents.caseFile.toFinding', { no: i + 1 }), en: en('documents.caseFile.toFinding', { no: i + 1 }) } }))),
    ...d.events.flatMap((ev, i) => ev.evidence.map((e) => ({ ...e, to: { zh: zh('documents.caseFile.toEvent', { no: i + 1 }), en: en('documents.caseFile.toEvent', { no: i + 1 }) } }))),
  ];
  const summary: [string, React.ReactNode][] = [
    ['caseNo', `#${d.case.id}`],
    ['subject', d.subject.name],
    ['kindPlatform', <Bi key="k" zh={`${zh(`subjectKind.${d.subject.kind}`)} · ${zh(`platform.${d.subject.platform}`)}`} en={`${en(`subjectKind.${d.subject.kind}`)} · ${en(`platform.${d.subject.platform}`)}`} show={show} />],
    ['operator', d.operator?.name ?? '—'],
    ['uscc', d.operator?.uscc ?? '—'],
    ['sector', sector ? <Bi key="s" zh={sector.labelZh} en={sector.labelEn} show={show} /> : d.subject.sector],
    ['campaign', d.inspection.campaign?.id ? <Bi key="c" zh={d.inspection.campaign.nameZh} en={d.inspection.campaign.nameEn} show={show} /> : '—'],
    ['state', <Bi key="st" zh={zh(`caseState.${d.case.state}`)} en={en(`caseState.${d.case.state}`)} show={show} />],
    ['deadline', d.case.deadline ?? '—'],
    ['opened', formatDateTime(d.case.openedAt)],
    ['closed', d.case.closedAt ? formatDateTime(d.case.closedAt) : '—'],
    ['assignee', d.assignee?.name ?? '—'],
    ['versions', [d.case.foundVersion, d.case.claimedVersion, d.case.retestVersion].filter(Boolean).join(' → ')],
    ['inspection', <Bi key="i" zh={`${d.inspection.inspectedOn} ${zh(`method.${d.inspection.method}`)}`} en={`${d.inspection.inspectedOn} ${en(`method.${d.inspection.method}`)}`} show={show} />],
    ['inspector', d.inspection.inspectorName ?? d.inspection.source ?? '—'],
  ];
  return (
    <article className="space-y-5 text-[9.5pt]" data-testid="case-file">
      <div className="text-center">
        <h1 className="text-[18pt] font-bold tracking-[0.3em]"><Bi {...L('title')} show={show} /></h1>
        <p className="mt-1 text-[9pt] font-semibold text-[#c4161c]"><Bi {...L('internal')} show={show} /></p>
      </div>
      <Section {...L('summary')} show={show}>
        <table className="w-full border-collapse">
          <tbody>
            {Array.from({ length: Math.ceil(summary.length / 2) }, (_, r) => (
              <tr key={r}>
                {summary.slice(r * 2, r * 2 + 2).map(([k, v]) => [
                  <th key={`${k}-h`} scope="row" className={`${cell} w-28 bg-[#f7f7f7] text-left font-semibold`}><Bi {...L(k)} show={show} /></th>,
                  <td key={`${k}-v`} className={`${cell} break-all`}>{v}</td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section {...L('notes')} show={show}>
        <p className="break-words whitespace-pre-wrap">{d.inspection.notes.trim() || '—'}</p>
      </Section>
      <Section {...L('findings')} show={show}>
        <table className="w-full border-collapse">
          <thead><tr><th scope="col" className={`${cell} w-8 bg-[#f2f2f2]`}>#</th><th scope="col" className={`${cell} bg-[#f2f2f2] text-left font-semibold`}><Bi zh={zh('documents.order.category')} en={en('documents.order.category')} show={show} /></th>{th('severity')}<th scope="col" className={`${cell} bg-[#f2f2f2] text-left font-semibold`}><Bi zh={zh('documents.order.description')} en={en('documents.order.description')} show={show} /></th></tr></thead>
          <tbody>
            {d.findings.map((f, i) => {
              const cat = categories.get(f.category);
              return (
                <tr key={f.id}>
                  <td className={`${cell} text-center`}>{i + 1}</td>
                  <td className={`${cell} w-40`}><Bi zh={cat?.labelZh ?? f.category} en={cat?.labelEn ?? f.category} show={show} /></td>
                  <td className={`${cell} w-20`}><Bi zh={zh(`severity.${f.severity}`)} en={en(`severity.${f.severity}`)} show={show} /></td>
                  <td className={cell}>{f.description}{f.legalBasis ? <span className="block text-[8.5pt] text-[#555]">{f.legalBasis}</span> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>
      <Section {...L('evidence')} show={show}>
        {evidence.length ? (
          <table className="w-full border-collapse" data-testid="evidence-list">
            <thead><tr><th scope="col" className={`${cell} w-8 bg-[#f2f2f2]`}>#</th>{th('fileName')}{th('attachedTo')}{th('type')}{th('size')}<th scope="col" className={`${cell} bg-[#f2f2f2] text-left font-semibold`}>SHA-256</th></tr></thead>
            <tbody>
              {evidence.map((e, i) => (
                <tr key={`${e.sha256}-${i}`}>
                  <td className={`${cell} text-center`}>{i + 1}</td>
                  <td className={`${cell} break-all`}>{evidenceFileName(e)}</td>
                  <td className={`${cell} whitespace-nowrap`}><Bi zh={e.to.zh} en={e.to.en} show={show} /></td>
                  <td className={`${cell} text-[8.5pt]`}>{e.mediaType}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatBytes(e.byteSize)}</td>
                  <td className={`${cell} font-mono text-[7.5pt] break-all`}>{e.sha256}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p><Bi {...L('evidenceNone')} show={show} /></p>}
      </Section>
      <Section {...L('timeline')} show={show}>
        <table className="w-full border-collapse" data-testid="timeline">
          <thead><tr><th scope="col" className={`${cell} w-8 bg-[#f2f2f2]`}>#</th>{th('at')}{th('step')}{th('actor')}{th('detail')}</tr></thead>
          <tbody>
            {d.events.map((e, i) => (
              <tr key={e.id}>
                <td className={`${cell} text-center`}>{i + 1}</td>
                <td className={`${cell} w-32 whitespace-nowrap tabular-nums`}>{formatDateTime(e.at)}</td>
                <td className={`${cell} w-36`}>
                  {e.fromState ? <Bi zh={`${zh(`caseState.${e.fromState}`)} → ${zh(`caseState.${e.toState}`)}`} en={`${en(`caseState.${e.fromState}`)} → ${en(`caseState.${e.toState}`)}`} show={show} /> : <Bi {...L('opening')} show={show} />}
                </td>
                <td className={`${cell} w-24`}>{e.actorName ?? '—'}</td>
                <td className={`${cell} break-words`}>
                  {[e.reason, e.deadline ? `${zh('documents.caseFile.deadline')}${show ? ` / ${en('documents.caseFile.deadline')}` : ''}: ${e.deadline}` : null, e.version ? `v${e.version}` : null, e.notice ? (show ? e.notice.titleEn : e.notice.titleZh) : null].filter(Boolean).join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section {...L('retests')} show={show}>
        {d.retests.length ? (
          <ul className="list-disc pl-5">
            {d.retests.map((r) => <li key={r.id}>{formatDateTime(r.testedAt)} · v{r.version} · {zh(`caseDetail.${r.result}`)}{show ? ` (${en(`caseDetail.${r.result}`)})` : ''} · {r.testedBy ?? '—'}{r.notes ? ` · ${r.notes}` : ''}</li>)}
          </ul>
        ) : <p><Bi {...L('noRetests')} show={show} /></p>}
      </Section>
      <Section {...L('comments')} show={show}>
        {comments.items.length ? (
          <ul className="space-y-1" data-testid="file-comments">
            {comments.items.map((c) => <li key={c.id}><span className="text-[8.5pt] text-[#555] tabular-nums">{formatDateTime(c.createdAt)} · {c.author.name}</span><span className="block break-words whitespace-pre-wrap">{c.body}</span></li>)}
          </ul>
        ) : <p><Bi {...L('noComments')} show={show} /></p>}
      </Section>
      <p className="border-t border-[#ccc] pt-2 text-[8pt] text-[#666]">
        {zh('documents.caseFile.printed', { at: formatDateTime(new Date()), zone: officeZoneName('zh') })}
        {show ? ` · ${en('documents.caseFile.printed', { at: formatDateTime(new Date()), zone: officeZoneName('en') })}` : ''} · #{d.case.id}
      </p>
    </article>
  );
}
