'use client';

import { useState } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { MAX_COMMENT_CHARS } from '@/lib/cases/comment-limit';
import type { CaseComment } from '@/lib/cases/comments';
import { formatDateTime } from '@/lib/i18n/format';
import { useRefusalText } from '@/components/forms/use-refusal-text';
import type { Refusal } from '@/lib/forms/refusal-text';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

type Page = { items: CaseComment[]; nextCursor: string | null };

async function fetchPage(caseId: number, cursor: string | null): Promise<Page> {
  const res = await fetch(`/api/v1/cases/${caseId}/comments${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
  if (!res.ok) throw new Error(String(res.status));
  return res.json() as Promise<Page>;
}

/** The internal comments of a case (staff only), oldest first, and the form to add one. */
export function CaseComments({ caseId, firstPage, canComment }: { caseId: number; firstPage: Page; canComment: boolean }) {
  const t = useTranslations('caseWork');
  const client = useQueryClient();
  const key = ['case-comments', caseId];
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(caseId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const comments = query.data.pages.flatMap((p) => p.items);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusalText();
  const [saving, setSaving] = useState(false);

  async function submit() {
    setSaving(true);
    setError(null);
    const res = await fetch(`/api/v1/cases/${caseId}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: text }) });
    setSaving(false);
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: Refusal } | null;
      const r = { ...body?.error, message: body?.error?.message ?? String(res.status) };
      return setError(t('commentFailed', { message: refusal.fields(r).body ?? refusal.message(r) }));
    }
    setText('');
    // Reload every loaded page so the new comment appears at the end, after any older ones not yet shown.
    await client.invalidateQueries({ queryKey: key });
    if (query.hasNextPage) await query.fetchNextPage();
  }

  return (
    <div className="space-y-3">
      <p className="text-xs text-muted">{t('commentsHint')}</p>
      {comments.length ? (
        <ol className="space-y-2" data-testid="case-comments">
          {comments.map((c) => (
            <li key={c.id} className="rounded border border-line bg-canvas/60 px-3 py-2">
              <p className="text-xs text-muted">
                {t('commentBy', { name: c.author.kind === 'token' ? t('tokenAuthor', { name: c.author.name }) : c.author.name, time: formatDateTime(c.createdAt) })}
              </p>
              <p className="mt-1 text-sm break-words whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted">{t('noComments')}</p>
      )}
      {query.hasNextPage ? (
        <Button type="button" variant="secondary" className="py-1" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>{t('moreComments')}</Button>
      ) : null}
      {canComment ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor="new-comment" className="block text-sm font-medium text-ink">{t('commentLabel')}</label>
          <textarea
            id="new-comment"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            maxLength={MAX_COMMENT_CHARS}
            required
            placeholder={t('commentPlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-comment-error' : undefined}
            className={inputClass}
          />
          {error ? <p id="new-comment-error" role="alert" className="text-xs font-medium text-accent">{error}</p> : null}
          <Button type="submit" className="py-1.5" disabled={saving || !text.trim()}>{saving ? t('commentSaving') : t('commentSubmit')}</Button>
        </form>
      ) : null}
    </div>
  );
}
