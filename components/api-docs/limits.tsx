import { getTranslations } from 'next-intl/server';
import type { Limit } from '@/lib/openapi/describe';

/** A field's limits in the reader's language (`≤ 4000 个字符；每项 ≥ 1 个字符`). */
export async function Limits({ limits }: { limits: Limit[] }) {
  const t = await getTranslations('apiDocs');
  if (!limits.length) return <>—</>;
  return <>{limits.map((l) => (l.each ? t('limit.each', { limit: t(`limit.${l.kind}`, { v: l.value }) }) : t(`limit.${l.kind}`, { v: l.value }))).join(t('limit.separator'))}</>;
}

/** Text with `code` spans, as the document's descriptions write them. */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i} className="rounded bg-canvas px-1 font-mono text-xs">{part}</code> : part))}
    </>
  );
}
