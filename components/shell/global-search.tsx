'use client';

import { useId, useState } from 'react';
import { useListboxKeys } from '@/components/ui/use-listbox-keys';
import { useSearchAsYouType } from '@/components/ui/use-search-as-you-type';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { SearchHit, SearchResult } from '@/lib/search/schemas';

const HREF: Record<SearchHit['type'], string> = { case: '/cases', subject: '/subjects', operator: '/operators' };
const hrefOf = (h: SearchHit) => `${HREF[h.type]}/${h.id}`;

async function fetchPage(q: string, cursor: string | null, signal?: AbortSignal): Promise<SearchResult> {
  const res = await fetch(`/api/v1/search?q=${encodeURIComponent(q)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}

/**
 * The one search in the shell (WAI-ARIA combobox, the app's one key behaviour: use-listbox-keys.ts): typed
 * results as you type, arrows and Enter to open one, Escape to close; "more" loads the next page; Enter with none chosen opens the case list's search.
 */
export function GlobalSearch() {
  const t = useTranslations('search');
  const router = useRouter();
  const id = `${useId()}-q`;
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ q: string; items: SearchHit[]; nextCursor: string | null } | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);

  const text = q.trim();
  const shown = text && result?.q === text ? result : null;
  const items = shown?.items ?? [];
  const expanded = open && !!text && (!!shown || failed);

  const more = async () => {
    if (!shown?.nextCursor) return;
    const r = await fetchPage(shown.q, shown.nextCursor);
    setResult({ q: shown.q, items: [...shown.items, ...r.items], nextCursor: r.nextCursor });
  };
  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };
  const keys = useListboxKeys({
    id,
    items,
    expanded,
    optionKey: (h) => `${h.type}.${h.id}`,
    onOpen: () => setOpen(true),
    onChoose: (h) => go(hrefOf(h)),
    onClose: () => setOpen(false),
    // No result chosen: the case list's search for the text.
    onEnterWithout: () => { if (text) go(`/cases?q=${encodeURIComponent(text)}`); },
  });
  // No result is active until an arrow key picks one, so Enter alone searches the case list.
  useSearchAsYouType(text, !!text, (q, signal) => fetchPage(q, null, signal), (q, r) => {
    setResult({ q, items: r.items, nextCursor: r.nextCursor });
    setFailed(false);
    keys.setActive(-1);
  }, () => setFailed(true), 200);

  return (
    <div {...keys.rootProps} role="search" className="relative w-full sm:w-80">
      <label htmlFor={id} className="sr-only">{t('label')}</label>
      <input
        {...keys.inputProps}
        type="search"
        value={q}
        placeholder={t('placeholder')}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        className="w-full rounded border border-white/30 bg-white/10 px-3 py-1.5 text-sm text-white placeholder:text-white/70 focus:bg-white focus:text-ink focus:placeholder:text-muted focus:outline-none focus:ring-2 focus:ring-accent"
      />
      {expanded ? (
        <div className="absolute right-0 z-40 mt-1 w-full min-w-72 rounded-md border border-line bg-white text-ink shadow-lg sm:w-[28rem]">
          <p className="sr-only" aria-live="polite">{failed ? t('failed') : t('count', { count: items.length, more: shown?.nextCursor ? 'yes' : 'no' })}</p>
          {failed ? <p className="px-3 py-2 text-sm text-accent">{t('failed')}</p> : null}
          {shown && !items.length ? <p className="px-3 py-2 text-sm text-muted">{t('none')}</p> : null}
          <ul {...keys.listProps} aria-label={t('results')} className="max-h-96 overflow-y-auto py-1">
            {items.map((h, i) => (
              <li
                key={`${h.type}.${h.id}`}
                {...keys.optionProps(h, i)}
                className={`flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm ${i === keys.active ? 'bg-brand-600/10' : 'hover:bg-canvas'}`}
              >
                <span className="mt-0.5 shrink-0 rounded bg-canvas px-1.5 py-0.5 text-xs font-medium text-muted">{t(`type.${h.type}`)}</span>
                <span className="min-w-0">
                  <span className="block truncate font-medium text-brand-600">{h.label}</span>
                  <span className="block truncate text-xs text-muted">{t(`field.${h.matched.field}`)}: {h.matched.value}</span>
                </span>
              </li>
            ))}
          </ul>
          <div className="flex items-center justify-between gap-2 border-t border-line px-3 py-1.5 text-xs">
            <a href={`/cases?q=${encodeURIComponent(text)}`} className="text-brand-600 hover:underline">{t('allCases')}</a>
            {shown?.nextCursor ? (
              <button type="button" onClick={more} className="rounded border border-line px-2 py-0.5 hover:bg-canvas">{t('more')}</button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
