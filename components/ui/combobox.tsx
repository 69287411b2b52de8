'use client';

import { useState } from 'react';
import { useListboxKeys } from './use-listbox-keys';
import { useSearchAsYouType } from './use-search-as-you-type';
import { useTranslations } from 'next-intl';
import { cn } from './cn';
import { inputClass } from './field';

export interface ComboOption {
  id: number;
  label: string;
  /** A second line (platform, operator, USCC). */
  detail?: string;
}

/** One page of a server search: the first options and how many matched in all. */
export interface ComboResult {
  items: ComboOption[];
  total: number;
  /** More than `total` matched (the server stopped counting at its cap). */
  totalCapped: boolean;
}

/**
 * A searchable picker (WAI-ARIA 1.2 combobox with a listbox popup): typing searches the server after a
 * pause (`search`, debounced), the keys are the app's one combobox behaviour (use-listbox-keys.ts: arrows
 * wrap, Enter or a click chooses, Escape closes and puts back the chosen label). The result count is announced, and when the server found more than
 * it sent, the popup says how many more and asks to refine the search: nothing is cut silently.
 * With `name`, a hidden input carries the chosen id, so plain forms (GET filters, server actions) submit it.
 */
export function Combobox({
  id,
  name,
  value,
  onChange,
  search,
  error,
  placeholder,
  describedBy,
  className,
}: {
  id: string;
  name?: string;
  value: ComboOption | null;
  onChange: (v: ComboOption | null) => void;
  search: (q: string, signal: AbortSignal) => Promise<ComboResult>;
  error?: string;
  placeholder?: string;
  describedBy?: string;
  className?: string;
}) {
  const t = useTranslations('picker');
  const [text, setText] = useState(value?.label ?? '');
  const [result, setResult] = useState<{ q: string; r: ComboResult } | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);

  // A value set from outside (a reset, a preset) shows its label.
  const chosenLabel = value?.label ?? '';
  const [shownLabel, setShownLabel] = useState(chosenLabel);
  if (shownLabel !== chosenLabel) {
    setShownLabel(chosenLabel);
    setText(chosenLabel);
  }

  const q = text.trim();
  const searching = open && !!q && q !== chosenLabel;
  const shown = searching && result?.q === q ? result.r : null;
  const items = shown?.items ?? [];
  const more = shown ? shown.total - items.length : 0;
  const expanded = searching && (!!shown || failed);
  const status = !searching ? '' : failed ? t('failed') : !shown ? t('searching') : !items.length ? t('none') : more > 0 || shown.totalCapped
    ? t('someOf', { shown: items.length, total: shown.total, capped: shown.totalCapped ? 'yes' : 'no' })
    : t('count', { count: items.length });

  const choose = (o: ComboOption | null) => {
    setShownLabel(o?.label ?? '');
    onChange(o);
    setText(o?.label ?? '');
    setOpen(false);
  };
  const keys = useListboxKeys({
    id,
    items,
    expanded,
    optionKey: (o) => o.id,
    onOpen: () => setOpen(true),
    onChoose: choose,
    // Closing (Escape, leaving) with text that is not the chosen option's label: the choice stays, its label comes back.
    onClose: () => {
      setOpen(false);
      setText(chosenLabel);
    },
  });
  useSearchAsYouType(q, searching, search, (text, r: ComboResult) => {
    setResult({ q: text, r });
    setFailed(false);
    keys.setActive(r.items.length ? 0 : -1);
  }, () => setFailed(true));

  return (
    <div {...keys.rootProps} className={cn('relative', className)}>
      {name ? <input type="hidden" name={name} value={value?.id ?? ''} /> : null}
      <div className="flex gap-1">
        <input
          {...keys.inputProps}
          type="text"
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : null, describedBy, `${id}-status`].filter(Boolean).join(' ')}
          value={text}
          placeholder={placeholder ?? t('typeToSearch')}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            // Emptying the box clears the choice; other typing keeps it until another option is chosen.
            if (value && !e.target.value.trim()) {
              setShownLabel('');
              onChange(null);
            }
          }}
          onFocus={() => setOpen(true)}
          className={inputClass}
        />
        {value ? (
          <button type="button" className="shrink-0 rounded border border-line px-2 text-xs text-muted hover:bg-canvas" onClick={() => choose(null)} aria-label={t('clearLabel', { name: value.label })}>
            {t('clear')}
          </button>
        ) : null}
      </div>
      <p id={`${id}-status`} role="status" aria-live="polite" className="sr-only">{status}</p>
      <div className={cn('absolute z-40 mt-1 w-full min-w-64 rounded-md border border-line bg-white text-ink shadow-lg', !expanded && 'hidden')}>
        {failed ? <p className="px-3 py-2 text-sm text-accent">{t('failed')}</p> : null}
        {shown && !items.length ? <p className="px-3 py-2 text-sm text-muted">{t('none')}</p> : null}
        <ul {...keys.listProps} aria-label={t('options')} className="max-h-72 overflow-y-auto py-1 empty:hidden">
          {items.map((o, i) => (
            <li key={o.id} {...keys.optionProps(o, i)} className={cn('cursor-pointer px-3 py-1.5 text-sm', i === keys.active ? 'bg-brand-600/10' : 'hover:bg-canvas')}>
              <span className="block truncate font-medium">{o.label}</span>
              {o.detail ? <span className="block truncate text-xs text-muted">{o.detail}</span> : null}
            </li>
          ))}
        </ul>
        {shown && (more > 0 || shown.totalCapped) ? (
          <p data-testid="combobox-more" className="border-t border-line px-3 py-1.5 text-xs text-muted">
            {t('more', { count: more, capped: shown.totalCapped ? 'yes' : 'no' })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

