'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { inputClass } from '@/components/ui/field';
import { useListboxKeys } from '@/components/ui/use-listbox-keys';
import { useSearchAsYouType } from '@/components/ui/use-search-as-you-type';

/** A division as GET /api/v1/regions answers it (lib/regions/queries.ts RegionEntry). */
export interface RegionOption {
  code: string;
  nameZh: string;
  level: number;
  parentCode: string | null;
  path: string;
  hasChildren: boolean;
}

async function fetchRegions(params: Record<string, string>, signal?: AbortSignal): Promise<RegionOption[]> {
  const res = await fetch(`/api/v1/regions?${new URLSearchParams(params)}`, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(String(res.status));
  return ((await res.json()) as { items: RegionOption[] }).items;
}

const SEARCH_LIMIT = 12;

/**
 * The region (属地) picker: province → city → district as three labelled selects (each level loads its
 * children from GET /api/v1/regions?parent=), and a search by name (a WAI-ARIA combobox with the app's one
 * key behaviour, use-listbox-keys.ts) that fills the three. The deepest chosen division is the value, in a hidden
 * input named `name`, so plain forms (server actions, GET filters) submit the code.
 * `lineage`: the chosen division and its ancestors, province first (the initial value).
 */
export function RegionPicker({
  id, name, label, provinces, lineage, error, required, anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  provinces: RegionOption[];
  lineage: RegionOption[];
  error?: string;
  required?: boolean;
  /** The empty choice of the province select (a filter's "all regions"); absent: "choose". */
  anyLabel?: string;
}) {
  const t = useTranslations('regions');
  const uid = useId();
  const [chosen, setChosen] = useState<(string | '')[]>([lineage[0]?.code ?? '', lineage[1]?.code ?? '', lineage[2]?.code ?? '']);
  const [levels, setLevels] = useState<RegionOption[][]>([provinces, [], []]);
  const [paths, setPaths] = useState<Map<string, string>>(() => new Map(lineage.map((r) => [r.code, r.path])));
  const [failed, setFailed] = useState(false);

  // The children of the chosen province and city, loaded when the choice changes (and on first render).
  const [province, city] = chosen;
  useEffect(() => {
    const ctl = new AbortController();
    const load = async (parent: string) => (parent ? fetchRegions({ parent }, ctl.signal) : []);
    Promise.all([load(province ?? ''), load(city ?? '')])
      .then(([cities, districts]) => {
        setLevels((l) => [l[0]!, cities, districts]);
        setPaths((m) => new Map([...m, ...[...cities, ...districts].map((r) => [r.code, r.path] as const)]));
        setFailed(false);
      })
      .catch((e: unknown) => { if (!ctl.signal.aborted) setFailed(e instanceof Error && e.name !== 'AbortError'); });
    return () => ctl.abort();
  }, [province, city]);

  const value = chosen[2] || chosen[1] || chosen[0] || '';
  const choose = (level: number, code: string) => setChosen((c) => c.map((v, i) => (i < level ? v : i === level ? code : '')));

  /** A search result: its province, city and district become the three choices. */
  const pick = (r: RegionOption) => {
    const next: string[] = ['', '', ''];
    next[r.level - 1] = r.code;
    if (r.level >= 2) next[0] = `${r.code.slice(0, 2)}0000`;
    if (r.level === 3) next[1] = r.parentCode ?? '';
    setPaths((m) => new Map(m).set(r.code, r.path));
    setChosen(next);
  };

  const levelLabels = [t('province'), t('city'), t('district')];
  const describedBy = [`${uid}-path`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="block text-sm font-medium text-ink">{label}{required ? <span aria-hidden="true"> *</span> : null}</legend>
      <RegionSearch id={`${id}-search`} label={t('search')} placeholder={t('searchPlaceholder')} onPick={pick} />
      <div className="grid gap-2 sm:grid-cols-3">
        {levelLabels.map((levelLabel, level) => {
          const options = levels[level] ?? [];
          const disabled = level > 0 && (!chosen[level - 1] || options.length === 0);
          return (
            <div key={level} className="space-y-1">
              <label htmlFor={level === 0 ? id : `${id}-${level}`} className="block text-xs text-muted">{levelLabel}</label>
              <select
                id={level === 0 ? id : `${id}-${level}`}
                value={chosen[level] ?? ''}
                disabled={disabled}
                aria-invalid={error && level === 0 ? true : undefined}
                onChange={(e) => choose(level, e.target.value)}
                className={cn(inputClass, 'disabled:opacity-60')}
              >
                <option value="">{level === 0 ? (anyLabel ?? t('choose')) : t('anyUnder')}</option>
                {options.map((r) => <option key={r.code} value={r.code}>{r.nameZh}</option>)}
              </select>
            </div>
          );
        })}
      </div>
      <input type="hidden" name={name} value={value} />
      <p id={`${uid}-path`} className="text-xs text-muted" aria-live="polite" data-testid={`${id}-path`}>
        {value ? t('chosen', { path: paths.get(value) ?? value, code: value }) : t('none')}
        {failed ? <span className="ml-2 text-accent">{t('loadFailed')}</span> : null}
      </p>
      {error ? <p id={`${id}-error`} role="alert" className="text-xs font-medium text-accent">{error}</p> : null}
    </fieldset>
  );
}

/** Search divisions by name: a combobox whose listbox shows the matches' name paths. */
function RegionSearch({ id, label, placeholder, onPick }: { id: string; label: string; placeholder: string; onPick: (r: RegionOption) => void }) {
  const t = useTranslations('regions');
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ q: string; items: RegionOption[] } | null>(null);
  const q = text.trim();
  const items = result && result.q === q && q ? result.items : null;
  const [open, setOpen] = useState(false);
  const shown = open && items !== null;

  const commit = (r: RegionOption) => {
    onPick(r);
    setText('');
    setResult(null);
    setOpen(false);
  };
  const keys = useListboxKeys({
    id,
    items: items ?? [],
    expanded: shown,
    optionKey: (r) => r.code,
    onOpen: () => setOpen(true),
    onChoose: commit,
    onClose: () => setOpen(false),
  });
  useSearchAsYouType(q, !!q, (q, signal) => fetchRegions({ q, limit: String(SEARCH_LIMIT) }, signal), (q, r) => {
    setResult({ q, items: r });
    keys.setActive(r.length ? 0 : -1);
  }, () => setResult({ q, items: [] }), 200);

  return (
    <div {...keys.rootProps} className="relative">
      <label htmlFor={id} className="sr-only">{label}</label>
      <input
        {...keys.inputProps}
        type="text"
        value={text}
        placeholder={placeholder}
        onChange={(e) => { setText(e.target.value); setOpen(true); }}
        onFocus={() => setOpen(true)}
        className={inputClass}
      />
      <p className="sr-only" aria-live="polite">{items === null ? '' : t('results', { count: items.length })}</p>
      <ul
        {...keys.listProps}
        aria-label={label}
        hidden={!shown}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-line bg-white py-1 text-sm shadow-lg"
      >
        {items?.length === 0 ? <li className="px-3 py-2 text-muted" role="presentation">{t('noMatch')}</li> : null}
        {items?.map((r, i) => (
          <li
            key={r.code}
            {...keys.optionProps(r, i)}
            tabIndex={-1}
            className={cn('cursor-pointer px-3 py-1.5', i === keys.active ? 'bg-brand-50 text-ink' : 'text-ink')}
          >
            <span>{r.path}</span> <span className="font-mono text-xs text-muted">{r.code}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
