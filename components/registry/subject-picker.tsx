'use client';

import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Field, Input } from '@/components/ui/field';

interface Option { id: number; name: string; platform: string; operatorName: string | null }

async function searchSubjects(q: string): Promise<Option[]> {
  const res = await fetch(`/api/v1/subjects?q=${encodeURIComponent(q)}&limit=8`, { headers: { accept: 'application/json' } });
  if (!res.ok) return [];
  return (await res.json()).items;
}

/** Finds a subject by name or identifier (GET /api/v1/subjects?q=) and keeps the chosen one. */
export function SubjectPicker({ value, onChange, error }: { value: { id: number; name: string } | null; onChange: (v: { id: number; name: string } | null) => void; error?: string }) {
  const t = useTranslations('registry.inspection');
  const tc = useTranslations('platform');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const { data = [], isFetching } = useQuery({ queryKey: ['subject-picker', q], queryFn: () => searchSubjects(q), enabled: q.length >= 1 && !value });

  if (value) {
    return (
      <div className="space-y-1">
        <span className="block text-sm font-medium text-ink">{t('subject')}</span>
        <div className="flex items-center gap-3 rounded border border-line bg-canvas px-3 py-2 text-sm">
          <span data-testid="chosen-subject" className="font-medium">{t('subjectChosen', { name: value.name })}</span>
          <button type="button" className="text-brand-600 underline" onClick={() => onChange(null)}>{t('change')}</button>
        </div>
      </div>
    );
  }
  return (
    <Field id="subjectId" label={t('subjectSearch')} error={error}>
      <Input id="subjectId" type="search" value={text} onChange={(e) => setText(e.target.value)} error={error} autoComplete="off" aria-controls="subject-results" />
      <ul id="subject-results" aria-live="polite" className="mt-1 max-h-64 overflow-auto rounded border border-line bg-white empty:hidden">
        {q && !isFetching && data.length === 0 ? <li className="px-3 py-2 text-sm text-muted">{t('noSubjects')}</li> : null}
        {data.map((s) => (
          <li key={s.id}>
            <button type="button" className="block w-full px-3 py-2 text-left text-sm hover:bg-brand-50 focus:bg-brand-50" onClick={() => onChange({ id: s.id, name: s.name })}>
              <span className="font-medium">{s.name}</span> <span className="text-xs text-muted">{tc(s.platform as 'wechat')} · {s.operatorName ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
    </Field>
  );
}
