import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Queryable } from '@/db/client';
import { lastOrderedAtSql } from './read';
import type { QueueCase, PendingRequest } from './responses';

export type { QueueCase, PendingRequest };

/** Staff views of the operator's side (DESIGN §9): every list here is capped and says so. */
export const STAFF_LIST_MAX = 200;
/** The queue page shows each list this many at a time (README "Limits"), the page of each in the URL. */
export const STAFF_PAGE_SIZE = 50;

const blank = (v: unknown) => (v === '' ? undefined : Array.isArray(v) ? v[v.length - 1] : v);
const pageNumber = (name: string) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: `${name} is a page number.` })
      .int(`${name} is a whole number.`)
      .min(1, `${name} is at least 1.`)
      .max(STAFF_LIST_MAX / STAFF_PAGE_SIZE, `${name} is at most ${STAFF_LIST_MAX / STAFF_PAGE_SIZE}.`)
      .default(1),
  );
/** The queue page's URL: which page of each of the three lists is shown. */
export const portalPagesSchema = z.object({ pendingPage: pageNumber('pendingPage'), fixesPage: pageNumber('fixesPage'), unackPage: pageNumber('unackPage') });
export type PortalPages = z.infer<typeof portalPagesSchema>;
/** An order unacknowledged this many days after it was given is listed for the office. */
export const ACK_DAYS = 3;

export interface CasePortalAction {
  id: number;
  kind: 'acknowledge' | 'report' | 'extension' | 'objection';
  status: string;
  contactName: string;
  findingId: number | null;
  until: string | null;
  version: string | null;
  body: string;
  decisionReason: string | null;
  decidedBy: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

/** A case's portal actions and deadline extensions, oldest first, for its staff timeline. */
export async function casePortalActivity(db: Queryable, caseId: number) {
  const [actions, extensions] = await Promise.all([
    queryRows<CasePortalAction>(
      db,
      sql`SELECT a.id, a.kind, a.status, u.name AS "contactName", a.finding_id AS "findingId", a.until::text AS until, a.version, a.body,
          a.decision_reason AS "decisionReason", coalesce(d.name, t.name) AS "decidedBy", a.created_at AS "createdAt", a.decided_at AS "decidedAt"
        FROM portal_actions a JOIN users u ON u.id = a.contact_user_id
        LEFT JOIN users d ON d.id = a.decided_by_user_id LEFT JOIN api_tokens t ON t.id = a.decided_by_token_id
        WHERE a.case_id = ${caseId} ORDER BY a.id`,
    ),
    queryRows<{ id: number; fromDeadline: string; until: string; reason: string; actor: string | null; at: Date; portalActionId: number | null }>(
      db,
      sql`SELECT e.id, e.from_deadline::text AS "fromDeadline", e.until::text AS until, e.reason, coalesce(u.name, t.name) AS actor, e.at, e.portal_action_id AS "portalActionId"
        FROM case_extensions e LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN api_tokens t ON t.id = e.actor_token_id
        WHERE e.case_id = ${caseId} ORDER BY e.id`,
    ),
  ]);
  return {
    actions: actions.map((a) => ({ ...a, createdAt: new Date(a.createdAt), decidedAt: a.decidedAt ? new Date(a.decidedAt) : null })),
    extensions: extensions.map((e) => ({ ...e, at: new Date(e.at) })),
  };
}

/**
 * One page of a capped list (the queue page): the list's query (ordered, LIMIT STAFF_LIST_MAX) is
 * counted in Postgres and only the page asked for — clamped to the last page, as the pager shows it —
 * comes back to the server, not every row up to the cap (issue #18). `order` is the list's order over
 * the columns it selects.
 */
async function pageOf<T extends { at: Date | string }>(db: Queryable, list: SQL, order: SQL, page: number): Promise<{ items: T[]; total: number; page: number }> {
  const rows = await queryRows<T & { total: number; present: boolean | null }>(
    db,
    sql`WITH q AS (${list}), n AS (SELECT count(*)::int AS total FROM q)
      SELECT n.total, p.* FROM n LEFT JOIN LATERAL (
        SELECT true AS present, q.* FROM q ORDER BY ${order}
        OFFSET (least(${page}::int, greatest(1, ceil(n.total / ${STAFF_PAGE_SIZE}::numeric)::int)) - 1) * ${STAFF_PAGE_SIZE} LIMIT ${STAFF_PAGE_SIZE}
      ) p ON true`,
  );
  const total = Number(rows[0]?.total ?? 0);
  const items = rows.filter((r) => r.present).map(({ total: _t, present: _p, ...r }) => ({ ...r, at: new Date(r.at) }) as unknown as T);
  return { items, total, page: Math.min(page, Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE))) };
}

/** A list read whole (up to STAFF_LIST_MAX, for the API). */
async function whole<T extends { at: Date | string }>(db: Queryable, list: SQL): Promise<T[]> {
  return (await queryRows<T>(db, list)).map((r) => ({ ...r, at: new Date(r.at) }));
}

const fixesSql = sql`SELECT c.id, s.name AS "subjectName", o.name AS "operatorName", c.deadline::text AS deadline, e.at, c.claimed_version AS detail,
    EXISTS (SELECT 1 FROM portal_actions a WHERE a.case_event_id = e.id) AS "viaPortal"
  FROM cases c JOIN subjects s ON s.id = c.subject_id LEFT JOIN operators o ON o.id = s.operator_id
  JOIN case_events e ON e.case_id = c.id AND e.revision = c.revision
  WHERE c.state = 'rectified' ORDER BY e.at, c.id LIMIT ${STAFF_LIST_MAX}`;

const unacknowledgedSql = sql`SELECT * FROM (
    SELECT c.id, s.name AS "subjectName", o.name AS "operatorName", c.deadline::text AS deadline, ${lastOrderedAtSql(sql`c.id`)} AS at, NULL AS detail, false AS "viaPortal"
    FROM cases c JOIN subjects s ON s.id = c.subject_id JOIN operators o ON o.id = s.operator_id
    WHERE c.state IN ('ordered','notified')
      AND EXISTS (SELECT 1 FROM operator_contacts oc JOIN users u ON u.id = oc.user_id WHERE oc.operator_id = o.id AND oc.activated_at IS NOT NULL AND u.disabled_at IS NULL)
  ) q
  WHERE q.at < now() - make_interval(days => ${ACK_DAYS})
    AND NOT EXISTS (SELECT 1 FROM portal_actions a WHERE a.case_id = q.id AND a.kind = 'acknowledge' AND a.created_at >= q.at)
  ORDER BY q.at, q.id LIMIT ${STAFF_LIST_MAX}`;

const pendingSql = sql`SELECT a.id AS "actionId", a.kind, a.until::text AS until, c.id, s.name AS "subjectName", o.name AS "operatorName", c.deadline::text AS deadline,
    a.created_at AS at, a.body AS detail, true AS "viaPortal"
  FROM portal_actions a JOIN cases c ON c.id = a.case_id JOIN subjects s ON s.id = c.subject_id LEFT JOIN operators o ON o.id = s.operator_id
  WHERE a.status = 'pending' ORDER BY a.created_at, a.id LIMIT ${STAFF_LIST_MAX}`;

/** "Fixes to verify": rectified cases waiting for a re-test, the longest waiting first; `viaPortal` when the operator's contact reported it. */
export const fixesToVerify = (db: Queryable): Promise<QueueCase[]> => whole(db, fixesSql);
export const fixesToVerifyPage = (db: Queryable, page: number) => pageOf<QueueCase>(db, fixesSql, sql`q.at, q.id`, page);

/** Orders never acknowledged ACK_DAYS days after they were given, on operators that have an active contact; oldest first. */
export const unacknowledgedOrders = (db: Queryable): Promise<QueueCase[]> => whole(db, unacknowledgedSql);
export const unacknowledgedOrdersPage = (db: Queryable, page: number) => pageOf<QueueCase>(db, unacknowledgedSql, sql`q.at, q.id`, page);

/** Contacts' requests waiting for a supervisor: more time and objections, oldest first. */
export const pendingRequests = (db: Queryable): Promise<PendingRequest[]> => whole(db, pendingSql);
export const pendingRequestsPage = (db: Queryable, page: number) => pageOf<PendingRequest>(db, pendingSql, sql`q.at, q."actionId"`, page);
