'use client';

import { useId, useRef, useState } from 'react';
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
 * The one search in the shell (WAI-ARIA combobox): typed results as you type, arrows and Enter to open
 * one, Escape to close; "more" loads the next page; Enter with none chosen opens the case list's search.
 */
export function GlobalSearch() {
  const t = useTranslations('search');
  const router = useRouter();
  const id = useId();
  const listId = `${id}-results`;
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ q: string; items: SearchHit[]; nextCursor: string | null } | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const box = useRef<HTMLDivElement>(null);

  const text = q.trim();
  useSearchAsYouType(text, !!text, (q, signal) => fetchPage(q, null, signal), (q, r) => {
    setResult({ q, items: r.items, nextCursor: r.nextCursor });
    setFailed(false);
    setActive(-1);
  }, () => setFailed(true), 200);

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
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, -1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = items[active];
      if (hit) go(hrefOf(hit));
      else if (text) go(`/cases?q=${encodeURIComponent(text)}`);
    }
  };

  return (
    <div
      ref={box}
      role="search"
      className="relative w-full sm:w-80"
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-q`} className="sr-only">{t('label')}</label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-hit-${active}` : undefined}
        autoComplete="off"
        value={q}
        placeholder={t('placeholder')}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="w-full rounded border border-white/30 bg-white/10 px-3 py-1.5 text-sm text-white placeholder:text-white/70 focus:bg-white focus:text-ink focus:placeholder:text-muted focus:outline-none focus:ring-2 focus:ring-accent"
      />
      {expanded ? (
        <div className="absolute right-0 z-40 mt-1 w-full min-w-72 rounded-md border border-line bg-white text-ink shadow-lg sm:w-[28rem]">
          <p className="sr-only" aria-live="polite">{failed ? t('failed') : t('count', { count: items.length, more: shown?.nextCursor ? 'yes' : 'no' })}</p>
          {failed ? <p className="px-3 py-2 text-sm text-accent">{t('failed')}</p> : null}
          {shown && !items.length ? <p className="px-3 py-2 text-sm text-muted">{t('none')}</p> : null}
          <ul id={listId} role="listbox" aria-label={t('results')} className="max-h-96 overflow-y-auto py-1">
            {items.map((h, i) => (
              <li
                key={`${h.type}.${h.id}`}
                id={`${id}-hit-${i}`}
                role="option"
                aria-selected={i === active}
                className={`flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm ${i === active ? 'bg-brand-600/10' : 'hover:bg-canvas'}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(hrefOf(h))}
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
