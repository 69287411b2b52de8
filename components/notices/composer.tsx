'use client';

import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, inputClass } from '@/components/ui/field';
import type { LiveCaseRow } from '@/lib/notices/annex';
import { CandidateTable } from './candidate-table';
import { ComposerPreview, type CategoryOption } from './composer-preview';
import { createNotice, updateNotice } from '@/lib/notices/actions';

type Kind = 'rectification' | 'removal';
export interface ComposerInitial {
  id?: number;
  revision?: number;
  kind: Kind;
  titleZh: string;
  titleEn: string;
  introZh: string;
  introEn: string;
  deadline: string | null;
  rows: LiveCaseRow[];
  /** An erratum: the corrected notice and its cases (the only candidates). */
  corrects?: { id: number; title: string; rows: LiveCaseRow[] };
}
export interface ComposerOptions {
  sectors: { code: string; label: string }[];
  campaigns: { id: number; label: string }[];
  regions: { code: string; path: string; level: number }[];
  categories: CategoryOption[];
}

/** Drafts or edits a notice: kind, cases (filtered, bulk-selected), texts, deadline, and the annex preview. */
export function NoticeComposer({ initial, options }: { initial: ComposerInitial; options: ComposerOptions }) {
  const t = useTranslations('notices');
  const tc = useTranslations('notices.composer');
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(initial.kind);
  const [text, setText] = useState({ titleZh: initial.titleZh, titleEn: initial.titleEn, introZh: initial.introZh, introEn: initial.introEn, deadline: initial.deadline ?? '' });
  const [filters, setFilters] = useState({ sector: '', campaign: '', region: '', q: '' });
  const [selected, setSelected] = useState<Map<number, LiveCaseRow>>(() => new Map(initial.rows.map((r) => [r.caseId, r])));
  // The server says the refusal in the reader's language (lib/actions/define.ts).
  const [failure, setFailure] = useState<{ message: string; fieldErrors: Record<string, string> } | null>(null);
  const [saving, setSaving] = useState(false);

  const params = new URLSearchParams({ kind, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) });
  const candidates = useQuery({
    queryKey: ['notice-candidates', params.toString()],
    enabled: !initial.corrects,
    // Every page, so the composer sees every candidate (the API pages at most 200 at a time).
    queryFn: async (): Promise<LiveCaseRow[]> => {
      const all: LiveCaseRow[] = [];
      let cursor: string | null = null;
      do {
        const res = await fetch(`/api/v1/notices/candidates?${params}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        if (!res.ok) throw new Error(String(res.status));
        const page: { items: LiveCaseRow[]; nextCursor: string | null } = await res.json();
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });
  const rows = initial.corrects ? initial.corrects.rows : (candidates.data ?? []);
  const selectedRows = useMemo(() => [...selected.values()], [selected]);
  const subjects = new Set(selectedRows.map((r) => r.subjectId)).size;

  const toggle = (row: LiveCaseRow) => setSelected((m) => { const n = new Map(m); if (n.has(row.caseId)) n.delete(row.caseId); else n.set(row.caseId, row); return n; });
  const changeKind = (k: Kind) => {
    if (k === kind) return;
    setKind(k);
    setSelected(new Map());
    setText((x) => ({
      ...x,
      titleZh: x.titleZh === tc(kind === 'rectification' ? 'defaultTitleRectification' : 'defaultTitleRemoval') ? tc(k === 'rectification' ? 'defaultTitleRectification' : 'defaultTitleRemoval') : x.titleZh,
      titleEn: x.titleEn === tc(kind === 'rectification' ? 'defaultTitleRectificationEn' : 'defaultTitleRemovalEn') ? tc(k === 'rectification' ? 'defaultTitleRectificationEn' : 'defaultTitleRemovalEn') : x.titleEn,
    }));
  };

  async function save() {
    setSaving(true);
    setFailure(null);
    const body = {
      kind, ...text, deadline: text.deadline || null,
      caseIds: selectedRows.map((r) => r.caseId),
      caseRevisions: Object.fromEntries(selectedRows.map((r) => [String(r.caseId), r.revision])),
      correctsNoticeId: initial.corrects?.id ?? null,
      ...(initial.id ? { expectedRevision: initial.revision } : {}),
    };
    const res = initial.id ? await updateNotice({ ...body, id: initial.id }) : await createNotice(body);
    setSaving(false);
    if (!res.ok) return setFailure(res);
    router.push(`/notices/manage/${res.data.id}`);
    router.refresh();
  }

  const failureFields = failure?.fieldErrors ?? {};
  const err = (f: string) => failureFields[f];
  return (
    <div className="space-y-5">
      {initial.corrects ? <p className="rounded border border-[#ecd7a4] bg-[#fdf3dc] px-3 py-2 text-sm">{t('erratumOf', { title: initial.corrects.title })}</p> : null}
      <Card title={tc('kind')}>
        <fieldset className="grid gap-3 sm:grid-cols-2" disabled={!!initial.corrects}>
          <legend className="sr-only">{tc('kind')}</legend>
          {(['rectification', 'removal'] as const).map((k) => (
            <label key={k} className={`flex cursor-pointer gap-3 rounded border p-3 ${kind === k ? 'border-brand bg-brand-50' : 'border-line'}`}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => changeKind(k)} className="mt-1 accent-brand" />
              <span><span className="block text-sm font-semibold">{t(`kindLabel.${k}`)}</span><span className="block text-xs text-muted">{tc(k === 'rectification' ? 'rectificationHint' : 'removalHint')}</span></span>
            </label>
          ))}
        </fieldset>
      </Card>

      {initial.corrects ? null : (
        <Card title={tc('candidates')} action={<span className="text-xs text-muted">{candidates.isLoading ? tc('loading') : tc('candidatesHint', { count: rows.length })}</span>}>
          <div role="search" aria-label={tc('filters')} className="mb-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Field id="f-sector" label={t('sector')}>
              <select id="f-sector" value={filters.sector} onChange={(e) => setFilters({ ...filters, sector: e.target.value })} className={inputClass}>
                <option value="">{t('allSectors')}</option>
                {options.sectors.map((s) => <option key={s.code} value={s.code}>{s.label}</option>)}
              </select>
            </Field>
            <Field id="f-campaign" label={tc('campaign')}>
              <select id="f-campaign" value={filters.campaign} onChange={(e) => setFilters({ ...filters, campaign: e.target.value })} className={inputClass}>
                <option value="">{tc('allCampaigns')}</option>
                {options.campaigns.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
              </select>
            </Field>
            <Field id="f-region" label={tc('region')}>
              <select id="f-region" value={filters.region} onChange={(e) => setFilters({ ...filters, region: e.target.value })} className={inputClass}>
                <option value="">{tc('allRegions')}</option>
                {options.regions.map((r) => <option key={r.code} value={r.code}>{r.path}</option>)}
              </select>
            </Field>
            <Field id="f-q" label={tc('search')}>
              <Input id="f-q" type="search" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
            </Field>
          </div>
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <Button type="button" variant="secondary" className="px-3 py-1 text-xs" onClick={() => setSelected((m) => new Map([...m, ...rows.map((r) => [r.caseId, r] as const)]))}>{tc('selectAll')}</Button>
            <Button type="button" variant="ghost" className="px-3 py-1 text-xs" onClick={() => setSelected(new Map())}>{tc('clear')}</Button>
            <span aria-live="polite" className="ml-auto font-medium text-ink" data-testid="selected-count">{tc('selected', { count: selected.size, subjects })}</span>
          </div>
          {rows.length || candidates.isLoading ? (
            <CandidateTable rows={rows} selected={new Set(selected.keys())} onToggle={toggle} categories={options.categories} locale={locale} />
          ) : (
            <p className="py-6 text-center text-sm text-muted">{tc('noCandidates')}</p>
          )}
        </Card>
      )}

      <Card title={t('details')}>
        <div className="grid gap-4 lg:grid-cols-2">
          <Field id="titleZh" label={tc('titleZh')} error={err('titleZh')}><Input id="titleZh" lang="zh-CN" value={text.titleZh} error={err('titleZh')} onChange={(e) => setText({ ...text, titleZh: e.target.value })} /></Field>
          <Field id="titleEn" label={tc('titleEn')} error={err('titleEn')}><Input id="titleEn" lang="en" value={text.titleEn} error={err('titleEn')} onChange={(e) => setText({ ...text, titleEn: e.target.value })} /></Field>
          <Field id="introZh" label={tc('introZh')} error={err('introZh')}><textarea id="introZh" lang="zh-CN" rows={5} value={text.introZh} onChange={(e) => setText({ ...text, introZh: e.target.value })} className={inputClass} /></Field>
          <Field id="introEn" label={tc('introEn')} error={err('introEn')}><textarea id="introEn" lang="en" rows={5} value={text.introEn} onChange={(e) => setText({ ...text, introEn: e.target.value })} className={inputClass} /></Field>
          <Field id="deadline" label={tc('deadline')} error={err('deadline')} hint={kind === 'removal' ? tc('deadlineOptional') : tc('deadlineHint')}>
            <Input id="deadline" type="date" value={text.deadline} error={err('deadline')} onChange={(e) => setText({ ...text, deadline: e.target.value })} className="max-w-48" />
          </Field>
        </div>
      </Card>

      <Card title={t('annexPreview')}>
        {selectedRows.length ? <ComposerPreview rows={selectedRows} categories={options.categories} deadline={text.deadline || null} /> : <p className="text-sm text-muted">{tc('nothingSelected')}</p>}
      </Card>

      {failure ? (
        <div role="alert" className="rounded border border-[#f0c4c4] bg-accent-50 px-3 py-2 text-sm text-accent">
          <p className="font-semibold">{tc('errors')} {failure.message}</p>
          {Object.keys(failureFields).length ? <ul className="mt-1 list-disc pl-5">{Object.entries(failureFields).map(([k, v]) => <li key={k}>{v}</li>)}</ul> : null}
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button type="button" onClick={save} disabled={saving}>{saving ? tc('saving') : tc('save')}</Button>
      </div>
    </div>
  );
}
