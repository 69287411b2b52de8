import type { ReactNode } from 'react';
import { cn } from './cn';

export const th = 'px-3 py-2.5 font-semibold';
export const td = 'px-3 py-2.5 align-top';

/**
 * A column heading: its label, whether it holds numbers (right-aligned), and whether a phone (below
 * 768 px) may leave it out: the essential columns (what, state, deadline) stay, the rest fold away.
 */
export type Column = ReactNode | { label: ReactNode; numeric?: boolean; key?: string; hideOnPhone?: boolean };

function isColumnObject(c: Column): c is { label: ReactNode; numeric?: boolean; key?: string; hideOnPhone?: boolean } {
  return typeof c === 'object' && c !== null && 'label' in c;
}

/** A short stable name for a table's phone rule (its caption's hash). */
function hashOf(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

/** The header row for `columns`. */
export function HeadRow({ columns }: { columns: readonly Column[] }) {
  return (
    <tr>
      {columns.map((c, i) => {
        const col = isColumnObject(c) ? c : { label: c };
        return (
          <th key={col.key ?? i} scope="col" className={cn(th, 'whitespace-nowrap', col.numeric && 'text-right')}>
            {col.label}
          </th>
        );
      })}
    </tr>
  );
}

/**
 * The office's table look: a caption for screen readers, a tinted header, dense rows, and an empty
 * message spanning every column. Cells get the padding from the table: rows need no classes of their own.
 */
export function DataTable({
  caption,
  columns,
  empty,
  children,
  className,
  testId,
}: {
  caption: string;
  columns: readonly Column[];
  /** Shown in one full-width row when `children` is an empty list. */
  empty?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const isEmpty = Array.isArray(children) && children.length === 0;
  const hidden = columns.flatMap((c, i) => (isColumnObject(c) && c.hideOnPhone ? [i + 1] : []));
  const scope = `dt-${hashOf(caption)}`;
  const phoneRule = hidden.length
    ? `@media (max-width: 767px) { ${hidden.map((n) => `[data-dt="${scope}"] > thead > tr > th:nth-child(${n}), [data-dt="${scope}"] > tbody > tr > td:nth-child(${n})`).join(', ')} { display: none; } }`
    : null;
  return (
    <div className={cn('overflow-x-auto rounded-md border border-line bg-white', className)}>
      {phoneRule ? <style>{phoneRule}</style> : null}
      <table className="w-full border-collapse text-sm" data-testid={testId} data-dt={scope}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas text-left text-xs font-semibold uppercase tracking-wide text-muted"><HeadRow columns={columns} /></thead>
        <tbody className="divide-y divide-line [&>tr:hover]:bg-brand-50/40 [&_td]:px-3 [&_td]:py-2 [&_td]:align-top">
          {children}
          {isEmpty && empty ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-muted">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
