'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, idInput } from '@/lib/actions/define';
import * as commands from './commands';
import { publishNotice as publish } from './publish';
import { noticeDraftSchema, noticeUpdateSchema } from './schemas';

/**
 * The notices UI writes through these (ADR 0011): the same schemas and commands as POST/PATCH
 * /api/v1/notices and its approve/publish routes, which stay for API clients. Each command opens its
 * own transaction (four eyes, the cases it moves and the audit event in one).
 */
const noticeChanged = (notice: { id: number }) => {
  revalidatePath('/notices/manage');
  revalidatePath(`/notices/manage/${notice.id}`);
};

export const createNotice = defineAction({
  name: 'createNotice',
  permission: 'notice:draft',
  schema: noticeDraftSchema,
  transaction: 'own',
  run: async ({ actor, input, db }) => {
    const notice = await commands.createDraft(db, actor, input);
    return { id: notice.id };
  },
  after: noticeChanged,
});

export const updateNotice = defineAction({
  name: 'updateNotice',
  permission: 'notice:draft',
  target: { id: idInput },
  schema: noticeUpdateSchema,
  transaction: 'own',
  run: async ({ actor, input: { id, ...body }, db }) => {
    const notice = await commands.updateDraft(db, actor, id, body);
    return { id: notice.id };
  },
  after: noticeChanged,
});

export const approveNotice = defineAction({
  name: 'approveNotice',
  permission: 'notice:approve',
  target: { id: idInput },
  schema: z.object({}),
  transaction: 'own',
  run: async ({ actor, input, db }) => ({ id: (await commands.approveNotice(db, actor, input.id)).id }),
  after: noticeChanged,
});

export const publishNotice = defineAction({
  name: 'publishNotice',
  permission: 'notice:publish',
  target: { id: idInput },
  schema: z.object({}),
  transaction: 'own',
  run: async ({ actor, input, db }) => ({ id: (await publish(db, actor, input.id)).id }),
  after: noticeChanged,
});
