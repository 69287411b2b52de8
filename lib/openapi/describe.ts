import type { JsonSchema } from './document';

/** One line of a schema as a table: a (nested) field, its type, whether required, its limits. */
export interface SchemaRow {
  path: string;
  depth: number;
  type: string;
  required: boolean;
  constraints: Limit[];
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

/** A limit a value must keep: a key of messages apiDocs.limit and the value it names. */
export interface Limit {
  kind: 'oneOf' | 'minLength' | 'maxLength' | 'min' | 'above' | 'max' | 'minItems' | 'maxItems' | 'pattern' | 'format' | 'file' | 'default';
  value: string;
  /** Applies to each item of an array. */
  each?: boolean;
}

/** The limits a value must keep (`≤ 4000` characters, one of a list, a pattern), in order. */
export function constraints(schema: JsonSchema, resolve: Resolve): Limit[] {
  const s = deref(schema, resolve);
  const out: Limit[] = [];
  const add = (kind: Limit['kind'], value: unknown) => value !== undefined && out.push({ kind, value: typeof value === 'string' ? value : JSON.stringify(value) });
  if (Array.isArray(s.enum)) add('oneOf', s.enum.join(', '));
  add('minLength', s.minLength);
  add('maxLength', s.maxLength);
  if (s.minimum !== -SAFE_MAX) add('min', s.minimum);
  add('above', s.exclusiveMinimum);
  if (s.maximum !== SAFE_MAX) add('max', s.maximum);
  add('minItems', s.minItems);
  add('maxItems', s.maxItems);
  if (s.format === undefined) add('pattern', s.pattern);
  add('format', s.format);
  add('file', s.contentMediaType);
  if (s.default !== undefined) add('default', JSON.stringify(s.default));
  if (s.type === 'array' && s.items) out.push(...constraints(s.items as JsonSchema, resolve).map((c) => ({ ...c, each: true })));
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
