/**
 * Checks a real answer against the OpenAPI document (the JSON the server serves, not the zod schemas
 * it was made from): the status must be one the operation declares, the media type one declared for
 * that status, and a JSON body must validate against the document's JSON Schema 2020-12 (Ajv, with
 * every `$ref` resolved inside the document). Imports no product code, so the black-box suite uses it
 * against the document it fetched from the server.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }>; $ref?: string }> }>>;
}

const DOC_ID = 'https://rectify.invalid/openapi.json';
/** JSON Pointer escaping of one token (`/api/v1/cases` → `~1api~1v1~1cases`). */
const token = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export interface ResponseCheck {
  /** `GET /api/v1/cases/{id}` as the document names it. */
  operation: string;
  status: number;
  contentType: string | null;
  /** The parsed JSON body (for JSON answers). */
  body?: unknown;
}

export function responseValidator(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  // Formats zod writes into the document; checked, not ignored.
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const compiled = new Map<string, ValidateFunction>();

  /** The problems of one answer; empty when it matches the document. */
  return function check({ operation, status, contentType, body }: ResponseCheck): string[] {
    const [method, path] = operation.split(' ') as [string, string];
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op) return [`${operation}: not in the document`];
    const response = op.responses[String(status)];
    if (!response || response.$ref) return [`${operation}: answered ${status}, which the document does not declare as a success (declared: ${Object.keys(op.responses).join(', ')})`];
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const content = response.content ?? {};
    const declared = Object.keys(content);
    const matches = (range: string) => range === mediaType || range === '*/*' || (range.endsWith('/*') && mediaType.startsWith(range.slice(0, -1)));
    if (!mediaType || !declared.some(matches)) return [`${operation} ${status}: answered ${mediaType || 'no content type'}, the document declares ${declared.join(', ') || 'no body'}`];
    if (!/^application\/(?:[\w.+-]+\+)?json$/.test(mediaType)) return [];
    if (!content[mediaType]?.schema) return [`${operation} ${status}: no schema for ${mediaType} in the document`];
    const pointer = `${DOC_ID}#/paths/${token(path)}/${method.toLowerCase()}/responses/${status}/content/${token(mediaType)}/schema`;
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(pointer);
      if (!validate) return [`${operation} ${status}: the schema at ${pointer} did not compile`];
      compiled.set(pointer, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 10).map((e) => `${operation} ${status}: ${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  };
}
