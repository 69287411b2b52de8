import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API } from '@/e2e/authz/matrix';
import { bulkTransitionBodySchema, transitionBodySchema } from '@/lib/cases/schemas';
import { schemaRows } from '@/lib/openapi/describe';
import { openApiDocument, type JsonSchema } from '@/lib/openapi/document';
import { OPERATIONS, operationKey } from '@/lib/openapi/operations';

const doc = openApiDocument();
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `POST /api/v1/cases/[id]/transitions` (the matrix, the app folder) → `POST /api/v1/cases/{id}/transitions`. */
const openApiStyle = (route: string) => route.replace(/\[(\w+)\]/g, '{$1}');
const routeFile = (p: string) => path.join('app', ...(p.startsWith('/api/') ? [] : ['(public)']), ...p.split('/').filter(Boolean).map((s) => s.replace(/^\{(\w+)\}$/, '[$1]')), 'route.ts');
const documented = Object.entries(doc.paths).flatMap(([p, item]) => METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${p}`));

describe('the OpenAPI document covers the API', () => {
  const inMatrix = API.map((r) => openApiStyle(r.route)).filter((r) => !r.includes('[...path]'));

  it('documents every API route of the authorization matrix', () => {
    expect(inMatrix.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('documents nothing else', () => {
    // Once a route file exists the matrix must name it (e2e/authz-matrix.spec.ts), and then so must this list.
    expect(documented.filter((r) => !inMatrix.includes(r))).toEqual([]);
  });

  it('answers each operation from the route file it describes', () => {
    const missing = OPERATIONS.map((op) => routeFile(op.path)).filter((f) => !fs.existsSync(f));
    expect(missing).toEqual([]);
  });
});

describe('every success answer is described (issue #17)', () => {
  const isJson = (mediaType = 'application/json') => /^application\/(?:[\w.+-]+\+)?json$/.test(mediaType);

  it('every operation declares a 2xx answer; every 2xx JSON answer has a zod schema in the registry', () => {
    expect(OPERATIONS.filter((op) => !op.responses.some((r) => r.status >= 200 && r.status < 300)).map(operationKey)).toEqual([]);
    const without = OPERATIONS.flatMap((op) => op.responses.filter((r) => r.status < 300 && isJson(r.mediaType) && !r.schema).map((r) => `${operationKey(op)} ${r.status}`));
    expect(without).toEqual([]);
  });

  it('the document carries each one as a schema; a non-JSON answer names its media type', () => {
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => m in item)) {
        const responses = (item as Record<string, { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>)[method]!.responses;
        for (const [status, response] of Object.entries(responses).filter(([s]) => s.startsWith('2'))) {
          const content = Object.entries(response.content ?? {});
          expect(content.length, `${method} ${p} ${status}`).toBeGreaterThan(0);
          for (const [type, media] of content) {
            if (isJson(type)) expect(media.schema?.type ?? media.schema?.$ref, `${method} ${p} ${status} ${type}`).toBeTruthy();
          }
        }
      }
    }
  });
});

/** The module an identifier is imported from in a route file, and the identifier. */
function importedSchema(handler: string, call: RegExp, source: string): { name: string; from: string } | null {
  const name = call.exec(handler)?.[1];
  if (!name) return null;
  const from = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '(@/[^']+)'`).exec(source)?.[1];
  return from ? { name, from } : null;
}

describe('the document is generated from the schemas the routes validate with', () => {
  it('each body and query schema is the very object its route file reads with', async () => {
    const checked: string[] = [];
    for (const op of OPERATIONS) {
      const file = routeFile(op.path);
      if (!fs.existsSync(file)) continue;
      const source = fs.readFileSync(file, 'utf8');
      const handler = source.split(/(?=^export )/m).find((part) => part.startsWith(`export const ${op.method} `)) ?? '';
      for (const [schema, call] of [
        [op.body?.schema, /readJson\(req, (\w+)\)/],
        [op.query, /readSearchParams\([\w.]+, (\w+)\)/],
      ] as const) {
        const used = importedSchema(handler, call, source);
        if (!schema && !used) continue;
        expect(used, `${operationKey(op)}: the route reads with no imported schema, the document names one`).not.toBeNull();
        expect(schema, `${operationKey(op)}: the route reads with ${used?.name}, the document has none`).toBeDefined();
        const mod = (await import(used!.from.replace('@/', '../../'))) as Record<string, unknown>;
        expect(mod[used!.name], `${operationKey(op)} documents another schema than ${used!.name}`).toBe(schema);
        checked.push(operationKey(op));
      }
    }
    expect(checked).toContain('POST /api/v1/cases/{id}/transitions');
    expect(checked.length).toBeGreaterThan(20);
  });

  const component = (name: string) => doc.components.schemas[name] as JsonSchema;
  const bodyRef = (p: string) => (doc.paths[p] as { post: { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }).post.requestBody.content['application/json'].schema.$ref;
  const samples: unknown[] = [
    { to: 'ordered', expectedRevision: 1 },
    { to: 'ordered', expectedRevision: 1, deadline: '2030-01-31', reason: 'r', evidence: ['a'.repeat(64)] },
    { to: 'rectified', expectedRevision: 3, version: '2.1.0', takedownStores: ['huawei'] },
    { to: 'ordered' },
    { to: 'flying', expectedRevision: 1 },
    { to: 'ordered', expectedRevision: 0 },
    { to: 'ordered', expectedRevision: 1.5 },
    { to: 'ordered', expectedRevision: '1' },
    { to: 'ordered', expectedRevision: 1, deadline: '31/01/2030' },
    { to: 'ordered', expectedRevision: 1, evidence: ['A'.repeat(64)] },
    { to: 'ordered', expectedRevision: 1, evidence: Array(51).fill('a'.repeat(64)) },
    { to: 'ordered', expectedRevision: 1, reason: 'x'.repeat(4001) },
    { to: 'ordered', expectedRevision: 1, version: '' },
    { to: 'ordered', expectedRevision: 1, takedownStores: [''] },
    [],
    'ordered',
  ];

  it('POST /api/v1/cases/{id}/transitions: the documented body accepts and refuses what the route does', () => {
    expect(bodyRef('/api/v1/cases/{id}/transitions')).toBe('#/components/schemas/TransitionBody');
    const documentedSchema = z.fromJSONSchema(component('TransitionBody'));
    const verdicts = samples.map((s) => [transitionBodySchema.safeParse(s).success, documentedSchema.safeParse(s).success]);
    expect(verdicts.map(([route]) => route)).toEqual(verdicts.map(([, document]) => document));
    // Both kinds occur, so the comparison means something.
    expect(verdicts.filter(([r]) => r).length).toBe(3);
  });

  it('the bulk body too', () => {
    const documentedSchema = z.fromJSONSchema(component('BulkTransitionBody'));
    const bulk = [{ to: 'ordered', ids: [1, 2] }, { to: 'ordered', ids: [] }, { to: 'ordered', ids: [1], expectedRevisions: { '1': 2 } }, { to: 'ordered', ids: [1], expectedRevisions: { a: 2 } }, { ids: [1] }];
    expect(bulk.map((s) => documentedSchema.safeParse(s).success)).toEqual(bulk.map((s) => bulkTransitionBodySchema.safeParse(s).success));
  });
});

describe('the document is OpenAPI 3.1', () => {
  it('has the top-level shape', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/'))).toBe(true);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('every operation declares its path parameters, responses and a unique operationId; every $ref resolves', () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => m in item)) {
        const op = (item as Record<string, { operationId: string; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>)[method]!;
        const templated = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(op.parameters.filter((x) => x.in === 'path').map((x) => x.name), `${method} ${p}`).toEqual(templated);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) expect(ref.split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc), ref).toBeDefined();
  });

  it('every error answer uses the DESIGN §6 error shape', () => {
    const err = doc.components.schemas.Error as JsonSchema;
    expect(err.required).toEqual(['error']);
    expect(err.properties!.error!.required).toEqual(['code', 'message']);
    expect(Object.keys(doc.components.responses).sort()).toEqual(['Error400', 'Error401', 'Error403', 'Error404', 'Error409', 'Error413', 'Error415', 'Error422']);
  });
});

describe('the /api-docs tables', () => {
  const resolve = (ref: string) => ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc) as JsonSchema;
  it('nest an inspection’s findings under it, with their limits', () => {
    const rows = schemaRows({ $ref: '#/components/schemas/InspectionInput' }, resolve);
    const category = rows.find((r) => r.path === 'findings[].category');
    expect(category).toMatchObject({ depth: 1, type: 'string', required: true });
    expect(category!.constraints).toContainEqual({ kind: 'maxLength', value: '60' });
    expect(rows.find((r) => r.path === 'findings')!.type).toBe('array<object>');
  });
});
