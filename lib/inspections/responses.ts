import { z } from 'zod';
import { cases, findings, inspections } from '@/db/schema';
import { rowSchema } from '@/lib/openapi/rows';

/** What POST /api/v1/inspections answers, beside its request schema (./schemas.ts). */
export const inspectionCreatedResponse = z.object({
  inspection: rowSchema(inspections),
  findings: z.array(rowSchema(findings).extend({ evidence: z.array(z.string()).describe('SHA-256 of each file.') })),
  case: rowSchema(cases),
});
