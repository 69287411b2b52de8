import type { ReactNode } from 'react';
import Link from '@/components/ui/link';
import type { OfficeName } from '@/lib/settings';
import { PrintButton } from '@/components/notices/print-button';

/** Chinese first; the English under it when the reader works in English. */
export function Bi({ zh, en, show, className }: { zh: ReactNode; en: ReactNode; show: boolean; className?: string }) {
  return (
    <span className={className}>
      <span lang="zh-CN">{zh}</span>
      {show ? <span lang="en" className="block text-[0.85em] font-normal text-[#444]">{en}</span> : null}
    </span>
  );
}

/**
 * An A4 portrait document with the office's header (its name in red over a red rule, as official
 * documents carry it), a screen-only bar to print or go back, and print rules of its own.
 */
export function DocumentFrame({ office, bilingual, back, labels, children, testId }: {
  office: OfficeName;
  bilingual: boolean;
  back: { href: string; label: string };
  labels: { print: string; hint: string };
  children: ReactNode;
  testId: string;
}) {
  return (
    <main id="main" lang="zh-CN" className="doc mx-auto my-4 max-w-[210mm] bg-white px-[16mm] py-[14mm] text-[10.5pt] leading-relaxed text-ink shadow-sm print:my-0 print:shadow-none" data-testid={testId}>
      <style>{'@page { size: A4 portrait; margin: 18mm 16mm 16mm; } @media print { html, body { background: white; } .doc { padding: 0 !important; max-width: none !important; } .doc table { break-inside: auto; } .doc tr { break-inside: avoid; } .doc thead { display: table-header-group; } .doc h2 { break-after: avoid; } }'}</style>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3 text-sm">
        <Link href={back.href} className="text-brand-600 hover:underline">← {back.label}</Link>
        <span className="flex items-center gap-3 text-muted">
          {labels.hint}
          <PrintButton label={labels.print} />
        </span>
      </div>
      <header className="mb-5 border-b-[3px] border-[#c4161c] pb-3 text-center">
        <p className="text-[22pt] font-bold tracking-[0.2em] text-[#c4161c]" data-testid="office-name">{office.nameZh}</p>
        {bilingual ? <p lang="en" className="text-[11pt] font-semibold text-[#c4161c]">{office.nameEn}</p> : null}
      </header>
      {children}
    </main>
  );
}
