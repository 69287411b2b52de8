import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { users } from './users';

export const MESSAGE_KINDS = ['order', 'deadline_soon', 'overdue', 'decision'] as const;

/**
 * Messages to operators' contacts (DESIGN §9): one row per message per contact, shown in the portal
 * as a notification. `dedupe_key` makes producing a message idempotent (the deadline sweep may run
 * on every web copy at once): a new order is keyed by its event, a deadline reminder by the deadline.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id),
    caseId: integer('case_id').notNull().references(() => cases.id),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** The deadline the message speaks of, when it speaks of one. */
    deadline: date('deadline'),
    /** Decisions: the reason the supervisor gave, which the contact reads. */
    detail: text('detail').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.kind, t.caseId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.id),
    check('notifications_kind', sql`${t.kind} IN ('order','deadline_soon','overdue','decision')`),
  ],
);

/**
 * The outbox an external mail/SMS sender drains (docs/portal-messages.md): one row per message, written
 * in the same transaction as its notification; nothing is sent from Rectify itself. The sender claims
 * rows with `FOR UPDATE SKIP LOCKED`, sends, and sets `sent_at` (or `attempts`/`last_error`).
 */
export const messageOutbox = pgTable(
  'message_outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    notificationId: integer('notification_id').notNull().unique().references(() => notifications.id),
    channel: text('channel', { enum: ['email'] }).notNull().default('email'),
    recipient: text('recipient').notNull(),
    locale: text('locale', { enum: ['zh', 'en'] }).notNull().default('zh'),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('message_outbox_unsent_idx').on(t.id).where(sql`${t.sentAt} IS NULL`),
    check('message_outbox_channel', sql`${t.channel} IN ('email')`),
    check('message_outbox_kind', sql`${t.kind} IN ('order','deadline_soon','overdue','decision')`),
  ],
);
