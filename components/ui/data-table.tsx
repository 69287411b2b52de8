import type { MouseEventHandler, ReactNode } from 'react';
import { cn } from './cn';

export const th = 'px-3 py-2.5 font-semibold';
export const td = 'px-3 py-2.5 align-top';

/**
 * A column heading: its label, whether it holds numbers (right-aligned), and whether a phone (below
 * 768 px) may leave it out: the essential columns (what, state, deadline) stay, the rest fold away.
 * In a table stacked on a phone (`stackOnPhone`), each cell is a line of its card led by its column's
 * label; `bareOnPhone` leaves the label off where the cell says what it is (a title, a badge).
 */
type ColumnObject = { label: ReactNode; numeric?: boolean; key?: string; hideOnPhone?: boolean; bareOnPhone?: boolean };
export type Column = ReactNode | ColumnObject;

function isColumnObject(c: Column): c is ColumnObject {
  return typeof c === 'object' && c !== null && 'label' in c;
}

/** A CSS string literal of `text`. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;
}

/**
 * The scoped style of one table: the columns a phone leaves out and, when stacked, each cell's label
 * (written here from the column's label, so the rows need no `data-label` of their own; globals.css
 * `.stack-on-phone` turns each row into a card below 640 px).
 */
function phoneRuleOf(scope: string, columns: readonly Column[], stack: boolean): string | null {
  const cell = (n: number) => `[data-dt="${scope}"] > tbody > tr > td:nth-child(${n})`;
  const rules: string[] = [];
  const hidden = columns.flatMap((c, i) => (isColumnObject(c) && c.hideOnPhone ? [i + 1] : []));
  if (hidden.length) rules.push(`@media (max-width: 767px) { ${hidden.map((n) => `[data-dt="${scope}"] > thead > tr > th:nth-child(${n}), ${cell(n)}`).join(', ')} { display: none; } }`);
  if (stack) {
    const labelled = columns.flatMap((c, i) => {
      const col = isColumnObject(c) ? c : { label: c };
      return typeof col.label === 'string' && !col.bareOnPhone ? [[i + 1, col.label] as const] : [];
    });
    const before = (lang: string, colon: string) =>
      labelled.map(([n, label]) => `${lang}${cell(n)}:not([colspan])::before { content: ${cssString(label)} ${colon}; color: var(--color-muted); font-weight: 400; margin-right: 0.25em; }`).join(' ');
    rules.push(`@media screen and (max-width: 639.98px) { ${before('', '"\\FF1A"')} ${before(':lang(en) ', '": "')} }`);
  }
  return rules.length ? rules.join('\n') : null;
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
  stackOnPhone = false,
  onClick,
}: {
  caption: string;
  columns: readonly Column[];
  /** Shown in one full-width row when `children` is an empty list. */
  empty?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Below 640 px each row becomes a card of labelled lines (long text: nothing squeezed, nothing scrolls sideways). */
  stackOnPhone?: boolean;
  /** For a client table's links (components/ui/soft-links.ts). */
  onClick?: MouseEventHandler<HTMLElement>;
}) {
  const isEmpty = Array.isArray(children) && children.length === 0;
  const scope = `dt-${hashOf(caption)}`;
  const phoneRule = phoneRuleOf(scope, columns, stackOnPhone);
  return (
    <div className={cn('overflow-x-auto rounded-md border border-line bg-white', stackOnPhone && 'max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent', className)}>
      {phoneRule ? <style>{phoneRule}</style> : null}
      <table className={cn('w-full border-collapse text-sm', stackOnPhone && 'stack-on-phone')} data-testid={testId} data-dt={scope} onClick={onClick}>
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
