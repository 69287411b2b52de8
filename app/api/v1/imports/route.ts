import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { unproxied } from '@/lib/security/headers';
import { otherMethod } from '@/lib/http/methods';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { listImportJobs } from '@/lib/imports/jobs';
import { importListSchema, importUploadQuerySchema } from '@/lib/imports/schemas';
import { startImport } from '@/lib/imports/start';

/** Import jobs, newest first. */
export const GET = unproxied(apiRoute(async (req) => {
  await requirePermission('import:write');
  return listImportJobs(await getDb(), readSearchParams(req.url, importListSchema));
}));

/** Starts a bulk import (DESIGN §7): 202 with the queued job; it runs in the background. */
export const POST = unproxied(apiRoute(async (req) => {
  const actor = await requirePermission('import:write');
  const { job } = await startImport(req, actor, readSearchParams(req.url, importUploadQuerySchema));
  return NextResponse.json({ job }, { status: 202 });
}));

// Outside the proxy (proxy.ts's matcher), so the other methods' JSON 405 and OPTIONS are answered here.
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
