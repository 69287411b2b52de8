import { getTranslations } from 'next-intl/server';
import type { JsonSchema } from '@/lib/openapi/document';
import { constraints, typeLabel } from '@/lib/openapi/describe';
import { Badge } from '@/components/ui/badge';
import { DataTable, td } from '@/components/ui/data-table';
import { InlineCode, Limits } from './limits';
import { SchemaTable } from './schema-table';

export interface DocOperation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description: string;
  'x-permission': string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description?: string; $ref?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

const METHOD_TONE = { GET: 'brand', POST: 'ok', PUT: 'warn', PATCH: 'warn', DELETE: 'danger' } as const;

/** One operation of the OpenAPI document: method, path, summary, permission, parameters, body, answers. */
export async function OperationCard({ op, resolve }: { op: DocOperation; resolve: (ref: string) => JsonSchema | undefined }) {
  const t = await getTranslations('apiDocs');
  const headingId = `op-${op.operationId}`;
  const description = op.description.split('\n\n').filter((p) => !p.startsWith('Requires:'));
  const answer = (r: { description?: string; $ref?: string }) => r.description ?? (r.$ref ? resolve(r.$ref)?.description : undefined) ?? '';
  return (
    <article aria-labelledby={headingId} className="rounded-md border border-line bg-white p-4 shadow-sm">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-[15px] font-semibold text-ink">
        <Badge tone={METHOD_TONE[op.method as keyof typeof METHOD_TONE] ?? 'neutral'} className="font-mono">{op.method}</Badge>
        <code className="font-mono text-sm">{op.path}</code>
        <span className="font-normal text-muted">— {op.summary}</span>
      </h3>
      {description.map((p) => (
        <p key={p} className="mt-2 max-w-4xl text-sm"><InlineCode text={p} /></p>
      ))}
      <p className="mt-2 text-sm">
        <span className="font-medium">{t('permission')}: </span>
        {op['x-permission'] === 'public' ? t('public') : <code className="font-mono text-xs">{op['x-permission']}</code>}
      </p>
      {op.parameters.length ? (
        <div className="mt-3">
          <h4 className="mb-1 text-sm font-semibold">{t('parameters')}</h4>
          <DataTable
            caption={t('parametersOf', { op: `${op.method} ${op.path}` })}
            columns={[t('name'), t('in'), t('type'), t('required'), t('limits')]}
          >
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <th scope="row" className={`${td} text-left font-mono text-xs font-medium`}>
                  {p.name}
                  {p.description ? <span className="mt-0.5 block font-sans font-normal text-muted"><InlineCode text={p.description} /></span> : null}
                </th>
                <td className={td}>{t(p.in === 'path' ? 'inPath' : 'inQuery')}</td>
                <td className={`${td} font-mono text-xs`}>{typeLabel(p.schema, resolve)}</td>
                <td className={td}>{p.required ? t('yes') : t('no')}</td>
                <td className={`${td} text-xs text-muted`}><Limits limits={constraints(p.schema, resolve)} /></td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
      {Object.entries(op.requestBody?.content ?? {}).map(([type, media]) => (
        <div key={type} className="mt-3">
          <h4 className="mb-1 text-sm font-semibold">{t('body')} <code className="font-mono text-xs font-normal">{type}</code></h4>
          {media.schema ? <SchemaTable schema={media.schema} resolve={resolve} caption={t('bodyOf', { op: `${op.method} ${op.path}`, type })} /> : null}
        </div>
      ))}
      <div className="mt-3">
        <h4 className="mb-1 text-sm font-semibold">{t('responses')}</h4>
        <ul className="space-y-0.5 text-sm">
          {Object.entries(op.responses).map(([status, r]) => (
            <li key={status}>
              <span className="font-mono font-semibold">{status}</span> <InlineCode text={answer(r)} />
              {Object.keys(r.content ?? {}).length ? (
                <span className="text-muted"> · {Object.keys(r.content!).map((type) => <code key={type} className="mr-1 font-mono text-xs">{type}</code>)}</span>
              ) : null}
            </li>
          ))}
        </ul>
        {Object.entries(op.responses).flatMap(([status, r]) =>
          Object.entries(r.content ?? {}).filter(([, media]) => media.schema).map(([type, media]) => (
            <div key={`${status}-${type}`} className="mt-2">
              <h5 className="mb-1 text-sm font-medium">{t('responseBody', { status })} <code className="font-mono text-xs font-normal">{type}</code></h5>
              <SchemaTable schema={media.schema!} resolve={resolve} caption={t('responseOf', { op: `${op.method} ${op.path}`, status, type })} />
            </div>
          )),
        )}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-600">{t('rawJson')}</summary>
        {/* Focusable and named: a keyboard reader scrolls it (axe: scrollable-region-focusable). */}
        <pre tabIndex={0} role="region" aria-label={`${t('rawJson')}: ${op.method} ${op.path}`} className="mt-2 max-h-96 overflow-auto rounded bg-canvas p-3 text-xs">{JSON.stringify(op, null, 2)}</pre>
      </details>
    </article>
  );
}
