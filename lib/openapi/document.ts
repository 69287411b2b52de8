import { z } from 'zod';
import { ERROR_DESCRIPTIONS, errorBodySchema } from './errors';
import { OPERATIONS } from './operations';
import { TAGS, type ErrorStatus, type Operation } from './types';

export type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): requests as the client sends them (`input`). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined) {
  if (!schema) return [];
  const s = jsonSchema(schema);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    ...(prop.description ? { description: prop.description } : {}),
    schema: prop,
  }));
}

/** The errors an operation can answer: from who may call it and what it reads, plus its own. */
export function errorStatuses(op: Operation): ErrorStatus[] {
  const set = new Set<ErrorStatus>(op.errors ?? []);
  if (op.access !== 'public') set.add(401).add(403);
  if (op.params || op.query || op.body || op.rawBody) set.add(400);
  if (op.body) set.add(415);
  if (op.params) set.add(404);
  return [...set].sort((a, b) => a - b);
}

const operationId = (op: Operation) =>
  op.method.toLowerCase() + op.path.split(/[/.{}-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

function describeOperation(op: Operation, schemas: Record<string, JsonSchema>) {
  const ref = (name: string, schema: z.ZodType, io: 'input' | 'output') => {
    schemas[name] ??= jsonSchema(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };
  const requestBody = op.body
    ? { required: true, content: { 'application/json': { schema: ref(op.body.name, op.body.schema, 'input') } } }
    : op.rawBody
      ? { required: true, ...(op.rawBody.description ? { description: op.rawBody.description } : {}), content: Object.fromEntries(Object.entries(op.rawBody.content).map(([type, schema]) => [type, { schema: jsonSchema(schema) }])) }
      : undefined;
  const responses: Record<string, unknown> = {};
  for (const r of op.responses) {
    const entry = (responses[String(r.status)] ??= { description: r.description, content: {} }) as { description: string; content: Record<string, unknown> };
    if (entry.description !== r.description) entry.description += ` Or: ${r.description}`;
    entry.content[r.mediaType ?? 'application/json'] = r.schema ? { schema: jsonSchema(r.schema, 'output') } : {};
  }
  for (const status of errorStatuses(op)) responses[String(status)] = { $ref: `#/components/responses/Error${status}` };
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, `Requires: ${op.access === 'public' ? 'nothing (public)' : `the \`${op.access}\` permission`}.`].filter(Boolean).join('\n\n'),
    'x-permission': op.access,
    ...(op.access === 'public' ? { security: [] } : {}),
    parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

function buildDocument() {
  const schemas: Record<string, JsonSchema> = { Error: jsonSchema(errorBodySchema, 'output') };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = describeOperation(op, schemas);
  const statuses = Object.keys(ERROR_DESCRIPTIONS).map(Number) as ErrorStatus[];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rectify API',
      version: '1',
      description: 'JSON in and out. Errors are `{ "error": { "code", "message", "fields" } }` (DESIGN §6); `code` is stable, `message` English. A method a path does not list is a 405 `method_not_allowed` with `Allow`. Lists paginate with a cursor.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: TAGS.map((name) => ({ name })),
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(statuses.map((s) => [`Error${s}`, { description: ERROR_DESCRIPTIONS[s], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token an admin created (Admin → API tokens).' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'The browser session after signing in (`__Secure-next-auth.session-token` over HTTPS).' },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of every operation in lib/openapi/operations (built once per process). */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildDocument());
}
