import type { JsonSchema } from './document';

/** One line of a schema as a table: a (nested) field, its type, whether required, its limits. */
export interface SchemaRow {
  path: string;
  depth: number;
  type: string;
  required: boolean;
  constraints: string[];
  description?: string;
}

type Resolve = (ref: string) => JsonSchema | undefined;

const SAFE_MAX = Number.MAX_SAFE_INTEGER;
const variants = (s: JsonSchema) => ((s.anyOf ?? s.oneOf) as JsonSchema[] | undefined) ?? [];

function deref(s: JsonSchema, resolve: Resolve): JsonSchema {
  return typeof s.$ref === 'string' ? (resolve(s.$ref) ?? s) : s;
}

/** `string`, `integer`, `array<string>`, `object<string, integer>`, `string | null`. */
export function typeLabel(schema: JsonSchema, resolve: Resolve): string {
  const s = deref(schema, resolve);
  if (variants(s).length) return variants(s).map((v) => typeLabel(v, resolve)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === 'array') return `array<${s.items ? typeLabel(s.items as JsonSchema, resolve) : 'any'}>`;
  if (s.type === 'object' && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return `object<string, ${typeLabel(s.additionalProperties as JsonSchema, resolve)}>`;
  }
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return typeof s.type === 'string' ? s.type : 'any';
}

/** The limits a value must keep, as short phrases (`≤ 4000 chars`, `one of: a, b`). */
export function constraints(schema: JsonSchema, resolve: Resolve): string[] {
  const s = deref(schema, resolve);
  const out: string[] = [];
  if (Array.isArray(s.enum)) out.push(`one of: ${s.enum.join(', ')}`);
  if (s.minLength !== undefined) out.push(`≥ ${s.minLength} chars`);
  if (s.maxLength !== undefined) out.push(`≤ ${s.maxLength} chars`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined && s.maximum !== SAFE_MAX) out.push(`≤ ${s.maximum}`);
  if (s.minItems !== undefined) out.push(`≥ ${s.minItems} items`);
  if (s.maxItems !== undefined) out.push(`≤ ${s.maxItems} items`);
  if (s.pattern !== undefined && s.format === undefined) out.push(`pattern ${s.pattern}`);
  if (s.format !== undefined) out.push(`format ${s.format}`);
  if (s.contentMediaType !== undefined) out.push(`file (${s.contentMediaType})`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  if (s.type === 'array' && s.items) out.push(...constraints(s.items as JsonSchema, resolve).map((c) => `each ${c}`));
  for (const v of variants(s)) out.push(...constraints(v, resolve));
  return out;
}

/** The object whose fields nest under this one (an object, an array of objects, a nullable object), if any. */
function nested(s: JsonSchema, resolve: Resolve): { schema: JsonSchema; suffix: string } | null {
  const d = deref(s, resolve);
  if (d.properties) return { schema: d, suffix: '' };
  if (d.type === 'array' && d.items) {
    const inner = nested(d.items as JsonSchema, resolve);
    return inner ? { schema: inner.schema, suffix: `[]${inner.suffix}` } : null;
  }
  for (const v of variants(d)) {
    const inner = nested(v, resolve);
    if (inner) return inner;
  }
  return null;
}

/** Every field of an object schema, depth first (`findings[].evidence`), for a readable nested table. */
export function schemaRows(schema: JsonSchema, resolve: Resolve, prefix = '', depth = 0): SchemaRow[] {
  const s = deref(schema, resolve);
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).flatMap(([name, prop]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const row: SchemaRow = { path, depth, type: typeLabel(prop, resolve), required: required.has(name), constraints: constraints(prop, resolve), description: deref(prop, resolve).description };
    const inner = depth < 4 ? nested(prop, resolve) : null;
    return [row, ...(inner ? schemaRows(inner.schema, resolve, `${path}${inner.suffix}`, depth + 1) : [])];
  });
}
