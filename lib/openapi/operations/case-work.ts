import { z } from 'zod';
import { assigneeBodySchema } from '@/lib/cases/assignment';
import { commentBodySchema, commentListSchema, MAX_COMMENT_CHARS } from '@/lib/cases/comments';
import { idParamSchema } from '@/lib/http/params';
import { meSchema } from '@/lib/users/me';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });

const commentSchema = z.object({
  id: z.number().int(),
  body: z.string(),
  createdAt: z.string().describe('ISO 8601'),
  author: z.object({ kind: z.enum(['user', 'token']), id: z.number().int(), name: z.string() }),
});

const assigneeResponseSchema = z.object({
  caseId: z.number().int(),
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

/** Case work (DESIGN §3, §6): assignment, internal comments, who am I. */
export const caseWorkOperations: Operation[] = [
  {
    method: 'PUT', path: '/api/v1/cases/{id}/assignee', tag: 'cases', summary: 'Assign a case',
    description: '`{ userId }` gives the case to an active inspector or supervisor; `{ userId: null }` unassigns it. A disabled user, an admin or an unknown user is 422 naming `userId`. The state and revision stay; the change is audited (`case.assign`).',
    access: 'case:assign', params: byId, body: { name: 'AssigneeBody', schema: assigneeBodySchema },
    responses: [{ status: 200, description: 'The case and its assignee.', schema: assigneeResponseSchema }], errors: [404, 413, 422],
  },
  {
    method: 'GET', path: '/api/v1/cases/{id}/comments', tag: 'cases', summary: 'Internal comments of a case',
    description: 'Oldest first, a cursor page at a time (`limit` ≤ 200). Staff only: never public, never shown to an operator\'s contact.',
    access: 'case:read', params: byId, query: commentListSchema,
    responses: [{ status: 200, description: '`{ items, nextCursor }`', schema: z.object({ items: z.array(commentSchema), nextCursor: z.string().nullable() }) }], errors: [404],
  },
  {
    method: 'POST', path: '/api/v1/cases/{id}/comments', tag: 'cases', summary: 'Add an internal comment',
    description: `\`{ body }\`: 1 to ${MAX_COMMENT_CHARS} characters (after trimming). Audited (\`case.comment\`).`,
    access: 'case:comment', params: byId, body: { name: 'CommentBody', schema: commentBodySchema },
    responses: [{ status: 201, description: '`{ comment }`', schema: z.object({ comment: commentSchema }) }], errors: [404, 413],
  },
  {
    method: 'GET', path: '/api/v1/users/me', tag: 'admin', summary: 'Who am I',
    description: 'The signed-in user or the API token asking, with its role and permissions. A token has no email.',
    access: 'self:read', responses: [{ status: 200, description: 'The caller.', schema: meSchema }],
  },
];
