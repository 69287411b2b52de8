import Link from '@/components/ui/link';

/** Keyset pagination: a link to the first page and to the next one (the cursor travels in the URL). */
export function Pager({ basePath, params, nextCursor, labels }: { basePath: string; params: Record<string, string>; nextCursor: string | null; labels: { first: string; next: string; showing: string } }) {
  const { cursor, ...rest } = params;
  const href = (extra: Record<string, string>) => `${basePath}?${new URLSearchParams({ ...rest, ...extra }).toString()}`;
  return (
    <nav aria-label="pagination" className="flex items-center justify-between gap-3 border-t border-line px-3 py-2 text-sm">
      <span className="text-muted">{labels.showing}</span>
      <span className="flex gap-4">
        {cursor ? <Link className="text-brand-600 underline" href={href({})}>{labels.first}</Link> : null}
        {nextCursor ? <Link className="text-brand-600 underline" href={href({ cursor: nextCursor })} rel="next">{labels.next} →</Link> : null}
      </span>
    </nav>
  );
}
