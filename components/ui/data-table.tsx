import type { ReactNode } from 'react';
import { cn } from './cn';

/** The office's table look: a caption for screen readers, sticky-looking header, dense rows. */
export function DataTable({ caption, head, children, className }: { caption: string; head: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={cn('overflow-x-auto rounded-md border border-line bg-white', className)}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas text-left text-xs font-semibold uppercase tracking-wide text-muted">{head}</thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}

export const th = 'px-3 py-2.5 font-semibold';
export const td = 'px-3 py-2.5 align-top';
