import type { ReactNode } from 'react';
import { cn } from './cn';

export const th = 'px-3 py-2.5 font-semibold';
export const td = 'px-3 py-2.5 align-top';

/** A column heading: its label, and whether it holds numbers (right-aligned). */
export type Column = ReactNode | { label: ReactNode; numeric?: boolean; key?: string };

function isColumnObject(c: Column): c is { label: ReactNode; numeric?: boolean; key?: string } {
  return typeof c === 'object' && c !== null && 'label' in c;
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
  return (
    <div className={cn('overflow-x-auto rounded-md border border-line bg-white', className)}>
      <table className="w-full border-collapse text-sm" data-testid={testId}>
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
