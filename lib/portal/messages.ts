import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { inChunks } from '@/db/params';
import { notifications } from '@/db/schema';
import type { ScopedActor } from '@/lib/auth/actor';
import { addDays, officeToday } from '@/lib/time';

/**
 * Messages to operators' contacts (DESIGN §9): a new order, a deadline in DEADLINE_SOON_DAYS days,
 * an overdue case, a decision on the contact's request. Each is a notification in the portal and, in
 * the same transaction, one row of `message_outbox` for an external mail/SMS sender to drain
 * (docs/portal-messages.md). Producing one is idempotent by its dedupe key.
 */
export const DEADLINE_SOON_DAYS = 3;
export type MessageKind = 'order' | 'deadline_soon' | 'overdue' | 'decision';

const SUBJECT: Record<MessageKind, (n: string) => string> = {
  order: (n) => `【整改通知 Order to rectify】${n}`,
  deadline_soon: (n) => `【整改期限将至 Deadline in ${DEADLINE_SOON_DAYS} days】${n}`,
  overdue: (n) => `【已逾期 Overdue】${n}`,
  decision: (n) => `【申请已处理 Decision made】${n}`,
};

function bodyOf(kind: MessageKind, caseId: number, subject: string, deadline: string | null, detail: string): string {
  const zh = {
    order: `贵单位的“${subject}”被责令整改（案件 #${caseId}），整改期限：${deadline}。请登录运营者门户签收并报告整改情况。`,
    deadline_soon: `案件 #${caseId}（${subject}）的整改期限 ${deadline} 即将到期。`,
    overdue: `案件 #${caseId}（${subject}）已超过整改期限 ${deadline}。`,
    decision: `案件 #${caseId}（${subject}）的申请已有决定：${detail}`,
  }[kind];
  const en = {
    order: `"${subject}" of your company was ordered to rectify (case #${caseId}); deadline: ${deadline}. Sign in to the operator portal to acknowledge and report the fix.`,
    deadline_soon: `The deadline of case #${caseId} (${subject}), ${deadline}, is near.`,
    overdue: `Case #${caseId} (${subject}) is past its deadline, ${deadline}.`,
    decision: `Your request on case #${caseId} (${subject}) was decided: ${detail}`,
  }[kind];
  return `${zh}\n${en}\n/portal/cases/${caseId}`;
}

interface Produced {
  id: number;
  userId: number;
  email: string;
  caseId: number;
  subjectName: string;
  kind: MessageKind;
  deadline: string | null;
  detail: string;
}

/** Writes the outbox row of each notification just produced (same transaction), one statement per ROWS_PER_STATEMENT. */
async function enqueue(db: Queryable, rows: Produced[]) {
  for (const part of inChunks(rows)) {
    const values = part.map((r) => sql`(${r.id}, ${r.email}, ${r.kind}, ${SUBJECT[r.kind](r.subjectName)}, ${bodyOf(r.kind, r.caseId, r.subjectName, r.deadline, r.detail)})`);
    await db.execute(sql`INSERT INTO message_outbox (notification_id, recipient, kind, subject, body) VALUES ${sql.join(values, sql`, `)}`);
  }
}

/**
 * Tells a case's operator's contacts (inside the caller's transaction): a new order (keyed by its
 * event) or a decision (keyed by the request). Nothing when the operator has no active contact.
 */
export async function notifyCaseContacts(db: Queryable, caseId: number, kind: 'order' | 'decision', dedupeKey: string, detail = '') {
  return notifyCasesContacts(db, [{ caseId, dedupeKey }], kind, detail);
}

/** notifyCaseContacts for many cases at once (a bulk order): one statement per ROWS_PER_STATEMENT cases, in their order. */
export async function notifyCasesContacts(db: Queryable, targets: readonly { caseId: number; dedupeKey: string }[], kind: 'order' | 'decision', detail = '') {
  let produced = 0;
  for (const part of inChunks(targets)) {
    const keys = part.map((t, n) => sql`(${n}::int, ${t.caseId}::int, ${t.dedupeKey}::text)`);
    const rows = await queryRows<Produced>(
      db,
      sql`WITH k (ord, case_id, dedupe_key) AS (VALUES ${sql.join(keys, sql`, `)}),
      ins AS (
        INSERT INTO notifications (user_id, case_id, kind, dedupe_key, deadline, detail)
        SELECT u.id, c.id, ${kind}, k.dedupe_key, c.deadline, ${detail}
        FROM k JOIN cases c ON c.id = k.case_id JOIN subjects s ON s.id = c.subject_id
        JOIN operator_contacts oc ON oc.operator_id = s.operator_id AND oc.activated_at IS NOT NULL
        JOIN users u ON u.id = oc.user_id AND u.disabled_at IS NULL
        ORDER BY k.ord, u.id
        ON CONFLICT DO NOTHING RETURNING id, user_id, case_id, kind, deadline, detail)
      SELECT ins.id, ins.user_id AS "userId", u.email, ins.case_id AS "caseId", s.name AS "subjectName", ins.kind, ins.deadline::text AS deadline, ins.detail
      FROM ins JOIN users u ON u.id = ins.user_id JOIN cases c ON c.id = ins.case_id JOIN subjects s ON s.id = c.subject_id
      ORDER BY ins.id`,
    );
    await enqueue(db, rows);
    produced += rows.length;
  }
  return produced;
}

/**
 * The time-driven messages: a deadline within DEADLINE_SOON_DAYS days, and an overdue case, once per
 * contact, case and deadline (an extended deadline is a new one). `operatorId` limits the sweep to one
 * operator (the portal runs it for its contact's operator on each visit); `npm run messages:sweep`
 * runs it for all, e.g. hourly from cron.
 */
export async function sweepDeadlineMessages(db: Queryable, options: { operatorId?: number; today?: string } = {}) {
  const today = options.today ?? officeToday();
  const soon = addDays(today, DEADLINE_SOON_DAYS);
  const rows = await queryRows<Produced>(
    db,
    sql`WITH due AS (
        SELECT u.id AS user_id, c.id AS case_id, c.deadline,
          CASE WHEN c.deadline < ${today}::date THEN 'overdue' ELSE 'deadline_soon' END AS kind
        FROM cases c JOIN subjects s ON s.id = c.subject_id
        JOIN operator_contacts oc ON oc.operator_id = s.operator_id AND oc.activated_at IS NOT NULL
        JOIN users u ON u.id = oc.user_id AND u.disabled_at IS NULL
        WHERE c.state IN ('ordered','notified') AND c.deadline <= ${soon}::date
          ${options.operatorId === undefined ? sql`` : sql`AND s.operator_id = ${options.operatorId}`}
      ), ins AS (
        INSERT INTO notifications (user_id, case_id, kind, dedupe_key, deadline)
        SELECT user_id, case_id, kind, 'deadline:' || deadline::text, deadline FROM due
        ON CONFLICT DO NOTHING RETURNING id, user_id, case_id, kind, deadline, detail)
      SELECT ins.id, ins.user_id AS "userId", u.email, ins.case_id AS "caseId", s.name AS "subjectName", ins.kind, ins.deadline::text AS deadline, ins.detail
      FROM ins JOIN users u ON u.id = ins.user_id JOIN cases c ON c.id = ins.case_id JOIN subjects s ON s.id = c.subject_id`,
  );
  await enqueue(db, rows);
  return rows.length;
}

/** How many of the contact's notifications the portal's home lists (README "Limits"); it says "the latest 10 of N". */
export const PORTAL_MESSAGES_SHOWN = 10;

/** The contact's latest notifications, newest first, with how many there are and how many are unread. */
export async function listNotifications(db: Queryable, actor: ScopedActor, max = PORTAL_MESSAGES_SHOWN) {
  const [items, [counts]] = await Promise.all([
    db
      .select({ id: notifications.id, caseId: notifications.caseId, kind: notifications.kind, deadline: notifications.deadline, detail: notifications.detail, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.userId, actor.id))
      .orderBy(desc(notifications.id))
      .limit(max),
    db
      .select({ total: sql<number>`count(*)::int`, unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int` })
      .from(notifications)
      .where(eq(notifications.userId, actor.id)),
  ]);
  return { items, total: Number(counts?.total ?? 0), unread: Number(counts?.unread ?? 0) };
}

/** Marks all of the contact's notifications read. */
export async function markNotificationsRead(db: Queryable, actor: ScopedActor) {
  await db.update(notifications).set({ readAt: sql`now()` }).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
}
