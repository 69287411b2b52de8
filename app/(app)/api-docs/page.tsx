import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { openApiDocument, type JsonSchema } from '@/lib/openapi/document';
import { TAGS } from '@/lib/openapi/types';
import { OperationCard, type DocOperation } from '@/components/api-docs/operation-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiDocs'))('title') };
}

/** The OpenAPI document, rendered on the server: operations by tag, with their parameters and bodies. */
export default async function ApiDocsPage() {
  await requirePagePermission('api:docs');
  const t = await getTranslations('apiDocs');
  const doc = openApiDocument();
  const resolve = (ref: string) => ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc) as JsonSchema | undefined;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Omit<DocOperation, 'method' | 'path'> & { tags: string[] }>).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );
  const groups = TAGS.map((tag) => ({ tag, ops: operations.filter((op) => op.tags[0] === tag) })).filter((g) => g.ops.length);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t('intro')}</p>
        <p className="mt-2 text-sm">
          <a href="/api/v1/openapi.json" className="font-medium text-brand-600 underline">{t('download')}</a>
          <span className="text-muted"> · OpenAPI {doc.openapi} · {t('count', { n: operations.length })}</span>
        </p>
      </div>
      <nav aria-label={t('tagsNav')}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {groups.map((g) => (
            <li key={g.tag}><a href={`#tag-${g.tag}`} className="rounded border border-line bg-white px-2 py-1 text-brand-600 hover:underline">{t(`tag.${g.tag}`)} ({g.ops.length})</a></li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="auth-title" className="rounded-md border border-line bg-white p-4 text-sm">
        <h2 id="auth-title" className="font-semibold">{t('authTitle')}</h2>
        <p className="mt-1 max-w-4xl">{t('authText')}</p>
        <p className="mt-1 max-w-4xl">{t('errorsText')}</p>
      </section>
      {groups.map((g) => (
        <section key={g.tag} aria-labelledby={`tag-${g.tag}`} className="space-y-3">
          <h2 id={`tag-${g.tag}`} className="scroll-mt-4 text-lg font-semibold">{t(`tag.${g.tag}`)}</h2>
          {g.ops.map((op) => (
            <OperationCard key={`${op.method} ${op.path}`} op={op} resolve={resolve} />
          ))}
        </section>
      ))}
    </div>
  );
}
