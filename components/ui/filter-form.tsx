import Link from '@/components/ui/link';
import type { ReactNode } from 'react';
import { buttonClass } from './button';
import { cn } from './cn';
import { inputClass } from './field';

/**
 * A list's filters, the one way every list page writes them: a plain GET form, so every filter lives in
 * the URL (bookmarkable, shareable, works without script) and the page parses the URL with the list's
 * zod schema (the case list: lib/cases/filters.ts with its nuqs parsers; the registry lists:
 * lib/registry/list-schemas.ts; the offender queue: lib/offenders/schemas.ts). Apply submits; Reset is a
 * link to the bare path (every filter off).
 */
export function FilterForm({ action, label, className, children }: { action: string; label: string; className?: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className={className}>
      {children}
    </form>
  );
}

/** The form's Apply (submit) and Reset (a link to `action` with no filter). */
export function FilterButtons({ action, apply, reset, className }: { action: string; apply: string; reset: string; className?: string }) {
  return (
    <div className={cn('flex gap-2', className)}>
      <button type="submit" className={buttonClass('primary', 'px-3 py-1.5 whitespace-nowrap')}>{apply}</button>
      <Link href={action} className={buttonClass('secondary', 'px-3 py-1.5 whitespace-nowrap')}>{reset}</Link>
    </div>
  );
}

export const filterLabelClass = 'mb-1 block text-xs font-medium text-muted';
const filterControlClass = `${inputClass} py-1.5`;

export type FilterOption = { value: string; label: string };

/** A labelled select of one filter; `any` (absent: none) is the empty choice, the filter off. */
export function FilterSelect({ id, name, label, value, options, any, className }: { id: string; name: string; label: string; value: string | undefined; options: readonly FilterOption[]; any?: string; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={filterLabelClass}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} className={filterControlClass}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** The text search of a list. */
export function FilterText({ id, name, label, value, placeholder, hint, className }: { id: string; name: string; label: string; value: string | undefined; placeholder?: string; hint?: string; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={filterLabelClass}>{label}</label>
      <input id={id} name={name} type="search" defaultValue={value ?? ''} placeholder={placeholder} aria-describedby={hint ? `${id}-hint` : undefined} className={filterControlClass} />
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

/** A yes/no filter: checked, the URL carries `name=value`. */
export function FilterCheck({ name, value, checked, label, className }: { name: string; value: string; checked: boolean; label: string; className?: string }) {
  return (
    <label className={cn('flex items-center gap-2 text-sm', className)}>
      <input type="checkbox" name={name} value={value} defaultChecked={checked} className="h-4 w-4" />
      {label}
    </label>
  );
}
