import { z } from 'zod';
import { idParamSchema } from '@/lib/http/params';
import { flagFiltersSchema, reviewBodySchema, ruleParamSchema, ruleUpdateSchema } from '@/lib/offenders/schemas';
import { flagDetailResponse, flagListResponse, flagResponse, ruleUpdatedResponse, rulesResponse } from '@/lib/offenders/responses';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });

/** Repeat-offender flags and their rules (DESIGN §4). */
export const offenderOperations: Operation[] = [
  { method: 'GET', path: '/api/v1/offenders', tag: 'offenders', summary: 'List repeat-offender flags', description: 'Heaviest first; cursor pagination.', access: 'offender:read', query: flagFiltersSchema, responses: [{ status: 200, description: 'A page of flags.', schema: flagListResponse }] },
  { method: 'GET', path: '/api/v1/offenders/{id}', tag: 'offenders', summary: 'One flag', description: 'Its explanation, the cases behind it as they are now, and its review history.', access: 'offender:read', params: byId, responses: [{ status: 200, description: '`{ flag, cases, history }`', schema: flagDetailResponse }] },
  { method: 'POST', path: '/api/v1/offenders/{id}/review', tag: 'offenders', summary: 'Confirm or dismiss a flag', description: 'Confirming needs an escalation, dismissing a reason.', access: 'offender:review', params: byId, body: { name: 'ReviewBody', schema: reviewBodySchema }, responses: [{ status: 200, description: '`{ flag }`', schema: flagResponse }], errors: [409, 413, 422] },
  { method: 'GET', path: '/api/v1/offender-rules', tag: 'offenders', summary: 'The repeat-offender rules', access: 'offender:read', responses: [{ status: 200, description: '`{ rules }`: threshold, window and switch of each rule.', schema: rulesResponse }] },
  { method: 'PUT', path: '/api/v1/offender-rules/{rule}', tag: 'admin', summary: 'Change a repeat-offender rule', description: 'Every flag is recomputed in the same transaction.', access: 'admin:rules', params: z.object({ rule: ruleParamSchema }), body: { name: 'RuleUpdate', schema: ruleUpdateSchema }, responses: [{ status: 200, description: '`{ rule, recomputed }`', schema: ruleUpdatedResponse }], errors: [413] },
];
