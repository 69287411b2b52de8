import { getTranslations } from 'next-intl/server';
import type { JsonSchema } from '@/lib/openapi/document';
import { schemaRows } from '@/lib/openapi/describe';
import { DataTable, td } from '@/components/ui/data-table';
import { InlineCode, Limits } from './limits';

/** A request body's fields as a nested table: path (indented), type, required, limits, description. */
export async function SchemaTable({ schema, resolve, caption }: { schema: JsonSchema; resolve: (ref: string) => JsonSchema | undefined; caption: string }) {
  const t = await getTranslations('apiDocs');
  const rows = schemaRows(schema, resolve);
  if (!rows.length) return <p className="text-sm text-muted">{t('noFields')}</p>;
  return (
    <DataTable
      caption={caption}
      columns={[t('field'), t('type'), t('required'), t('limits')]}
    >
      {rows.map((r) => (
        <tr key={r.path}>
          <th scope="row" className={`${td} text-left font-mono text-xs font-medium`} style={{ paddingLeft: `${0.75 + r.depth * 1.25}rem` }}>
            {r.path}
            {r.description ? <span className="mt-0.5 block font-sans font-normal text-muted"><InlineCode text={r.description} /></span> : null}
          </th>
          <td className={`${td} font-mono text-xs`}>{r.type}</td>
          <td className={td}>{r.required ? t('yes') : t('no')}</td>
          <td className={`${td} min-w-48 text-xs text-muted`}><Limits limits={r.constraints} /></td>
        </tr>
      ))}
    </DataTable>
  );
}
