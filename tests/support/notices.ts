/** Builders for notice tests: cases already past their deadline, as the composer finds them. */
import { getDb } from '../../db/client';
import type { Actor } from '../../lib/auth/actor';
import { transitionCase } from '../../lib/cases/transition';
import { addDays, officeToday } from '../../lib/time';
import { makeCase, makeUser } from './fixtures';

/** The inspector who ordered the overdue cases, one per database (files share this module: isolate: false). */
const systems = new WeakMap<object, Promise<Actor>>();

/** An ordered case whose deadline passed `daysAgo` days ago (ordered back then, so the ladder allows it). */
export async function makeOverdueCase(options: Parameters<typeof makeCase>[0] & { daysAgo?: number } = {}) {
  const db = await getDb();
  if (!systems.has(db)) systems.set(db, makeUser('inspector', 'Fixture inspector'));
  const system = await systems.get(db)!;
  const c = await makeCase(options);
  const today = officeToday();
  const deadline = addDays(today, -(options.daysAgo ?? 3));
  return db.transaction((tx) => transitionCase(tx, system, c.id, c.revision, { to: 'ordered', input: { deadline } }, addDays(deadline, -7)));
}

export const noticeDeadline = () => addDays(officeToday(), 15);

export function draftInput(caseIds: number[], overrides: Record<string, unknown> = {}) {
  return {
    kind: 'rectification' as const,
    titleZh: '关于侵害用户权益行为的App通报',
    titleEn: 'Notice on apps infringing users’ rights',
    introZh: '尚有以下App未按要求完成整改。',
    introEn: 'The following apps have not completed rectification.',
    deadline: noticeDeadline(),
    caseIds,
    ...overrides,
  };
}
