/**
 * The rectification ladder of DESIGN §3 as one pure module: states, transitions, who may make them,
 * through which channel, and on what condition. The UI, the API, bulk actions, imports and notices
 * all ask `checkTransition`; no other copy of these rules exists.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { caseStateEnum } from '@/db/schema/enums';
import { can, type Permission, type Role } from '@/lib/auth/permissions';
import { isCalendarDate, officeTodaySql } from '@/lib/time';

export const CASE_STATES = caseStateEnum.enumValues;
export type CaseState = (typeof CASE_STATES)[number];

/** States that close a case as fixed: a later finding of the same category is a recurrence. */
export const FIXED_STATES = ['verified', 'reinstated'] as const satisfies readonly CaseState[];

/** States that end a case: it is never reopened; a recurrence opens a new, linked case. */
export const CLOSED_STATES: readonly CaseState[] = [...FIXED_STATES, 'withdrawn'];

/** States in which a case runs against a deadline (and so can be overdue). */
export const DEADLINE_STATES = ['ordered', 'notified'] as const satisfies readonly CaseState[];

/** A list of states as SQL (`'a','b'`), for `IN (…)` over a state column. */
export function statesSql(states: readonly CaseState[]): SQL {
  return sql.raw(states.map((s) => `'${s}'`).join(','));
}

/** How a transition is made: directly by a person or token, or by publishing a notice. */
export type Channel = 'direct' | 'rectification_notice' | 'removal_notice';

export interface TransitionInput {
  reason?: string;
  /** The new deadline (YYYY-MM-DD) when the transition sets one. */
  deadline?: string;
  /** The version claimed fixed (→ rectified) or re-tested (→ verified / ordered / reinstated). */
  version?: string;
  /** Stores with a takedown record, required when a supervisor removes a case directly. */
  takedownStores?: string[];
}

export interface TransitionContext {
  from: CaseState;
  to: CaseState;
  /** The actor's role; notices are published by a supervisor. */
  role: Role;
  channel: Channel;
  input: TransitionInput;
  /** The case's current deadline (YYYY-MM-DD), if any. */
  currentDeadline: string | null;
  /** Today in the office's calendar (YYYY-MM-DD). */
  today: string;
}

/**
 * Why a transition is refused, finer than `code`: the key of its text in messages/{zh,en}/refusals.json
 * (the UI shows that; the API answers the stable `code` and the English `message`).
 */
export const REFUSAL_KEYS = [
  'state',
  'channel',
  'role',
  'reasonRequired',
  'fixedVersionRequired',
  'retestVersionRequired',
  'deadlineRequired',
  'deadlineFormat',
  'deadlineNotFuture',
  'deadlineNotPassed',
  'takedownRequired',
] as const;
export type RefusalKey = (typeof REFUSAL_KEYS)[number];

export type Refusal = {
  ok: false;
  status: 403 | 422;
  code: 'role' | 'channel' | 'state' | 'condition';
  message: string;
  key: RefusalKey;
  /** The values the text names: `from`, `to` (states), `role`, `channels` (comma-separated), `deadline`. */
  params?: Record<string, string>;
  field?: keyof TransitionInput;
};
export type Allowed = { ok: true; rule: Rule };
export type Verdict = Allowed | Refusal;

/** A check a rule makes on submit; `requires` names the input it needs filled (forms mark it required). */
type Condition = ((ctx: TransitionContext) => Refusal | null) & { requires?: keyof TransitionInput };

/** The inputs a person fills in for a transition (the fields a form may show). */
export type TransitionField = keyof TransitionInput;

interface Rule {
  from: readonly CaseState[];
  to: CaseState;
  /** Who may: a role holding any of these in the one permission map (lib/auth/permissions.ts). */
  permissions: readonly Permission[];
  channels: readonly Channel[];
  /** What the transition records as a re-test, if anything. */
  retest?: 'passed' | 'failed';
  conditions: readonly Condition[];
  summary: string;
}

const refuse = (key: RefusalKey, message: string, field?: keyof TransitionInput, params?: Record<string, string>): Refusal => ({ ok: false, status: 422, code: 'condition', message, key, field, params });
const requiring = (field: TransitionField, check: (ctx: TransitionContext) => Refusal | null): Condition => Object.assign(check, { requires: field });

const needsReason = requiring('reason', ({ input }) => (input.reason?.trim() ? null : refuse('reasonRequired', 'A reason is required.', 'reason')));
const needsVersion = (what: 'claimed fixed' | 're-tested'): Condition =>
  requiring('version', ({ input }) =>
    input.version?.trim() ? null : refuse(what === 'claimed fixed' ? 'fixedVersionRequired' : 'retestVersionRequired', `The ${what} version is required.`, 'version'),
  );
const needsFutureDeadline = requiring('deadline', ({ input, today }) => {
  if (!input.deadline) return refuse('deadlineRequired', 'A deadline is required.', 'deadline');
  if (!isCalendarDate(input.deadline)) return refuse('deadlineFormat', 'The deadline must be a date (YYYY-MM-DD).', 'deadline');
  return input.deadline > today ? null : refuse('deadlineNotFuture', 'The deadline must be after today.', 'deadline');
});
const deadlinePassed: Condition = ({ currentDeadline, today }) =>
  currentDeadline && currentDeadline < today ? null : refuse('deadlineNotPassed', `The deadline (${currentDeadline ?? 'none'}) has not passed yet.`, undefined, { deadline: currentDeadline ?? '—' });
/** Only a direct removal asks for the takedown record (a removal notice carries its own). */
const takedownsRecorded = requiring('takedownStores', ({ channel, input }) =>
  channel !== 'direct' || (input.takedownStores?.length ?? 0) > 0
    ? null
    : refuse('takedownRequired', 'A direct removal needs a takedown record for at least one store.', 'takedownStores'),
);

/** Staff who work cases (inspectors and supervisors). */
const WORK: readonly Permission[] = ['case:transition'];
/** DESIGN §3, §9: the operator's contact reports its own fix (through the portal, scoped to its operator). */
const FIX_REPORTERS: readonly Permission[] = [...WORK, 'portal:act'];

export const RULES: readonly Rule[] = [
  { from: ['open'], to: 'ordered', permissions: WORK, channels: ['direct'], conditions: [needsFutureDeadline], summary: 'Order rectification with a deadline.' },
  { from: ['ordered', 'notified'], to: 'rectified', permissions: FIX_REPORTERS, channels: ['direct'], conditions: [needsReason, needsVersion('claimed fixed')], summary: 'The operator reports a fix.' },
  { from: ['rectified'], to: 'verified', permissions: WORK, channels: ['direct'], retest: 'passed', conditions: [needsVersion('re-tested')], summary: 'The re-test passed.' },
  { from: ['rectified'], to: 'ordered', permissions: WORK, channels: ['direct'], retest: 'failed', conditions: [needsVersion('re-tested'), needsFutureDeadline], summary: 'The re-test failed: a new deadline.' },
  { from: ['ordered'], to: 'notified', permissions: ['notice:publish'], channels: ['rectification_notice'], conditions: [deadlinePassed], summary: 'Named in a published rectification notice.' },
  { from: ['notified'], to: 'removed', permissions: ['case:remove'], channels: ['removal_notice', 'direct'], conditions: [takedownsRecorded], summary: 'Removed from the stores.' },
  { from: ['removed'], to: 'reinstated', permissions: ['case:reinstate'], channels: ['direct'], retest: 'passed', conditions: [needsVersion('re-tested')], summary: 'Back after a passed re-test.' },
  {
    from: CASE_STATES.filter((s) => !CLOSED_STATES.includes(s)),
    to: 'withdrawn',
    permissions: ['case:withdraw'],
    channels: ['direct'],
    conditions: [needsReason],
    summary: 'Retracted, e.g. a false positive.',
  },
];

function channelName(c: Channel): string {
  return c === 'direct' ? 'directly' : c === 'rectification_notice' ? 'by publishing a rectification notice' : 'by publishing a removal notice';
}

/** Whether `role` may take `rule`: through the permission map, the only place roles are interpreted. */
function mayUse(rule: Rule, role: Role): boolean {
  return rule.permissions.some((p) => can(role, p));
}

/** Decides whether `from → to` may happen now, for this role, through this channel. */
export function checkTransition(ctx: TransitionContext): Verdict {
  const rule = RULES.find((r) => r.to === ctx.to && r.from.includes(ctx.from));
  if (!rule) {
    return { ok: false, status: 422, code: 'state', key: 'state', params: { from: ctx.from, to: ctx.to }, message: `A case cannot go from ${ctx.from} to ${ctx.to}.` };
  }
  if (!rule.channels.includes(ctx.channel)) {
    const how = rule.channels.map(channelName).join(' or ');
    return { ok: false, status: 422, code: 'channel', key: 'channel', params: { from: ctx.from, to: ctx.to, channels: rule.channels.join(',') }, message: `${ctx.from} → ${ctx.to} happens only ${how}.` };
  }
  if (!mayUse(rule, ctx.role)) {
    return { ok: false, status: 403, code: 'role', key: 'role', params: { role: ctx.role, from: ctx.from, to: ctx.to }, message: `The ${ctx.role} role may not move a case from ${ctx.from} to ${ctx.to}.` };
  }
  for (const condition of rule.conditions) {
    const refusal = condition(ctx);
    if (refusal) return refusal;
  }
  return { ok: true, rule };
}

/** The transitions a role could make directly from a state (for buttons); conditions are checked on submit. */
export function directTargets(from: CaseState, role: Role): CaseState[] {
  return RULES.filter((r) => r.from.includes(from) && mayUse(r, role) && r.channels.includes('direct')).map((r) => r.to);
}

/** The inputs a direct `from → to` requires, from its rule's conditions: what a form marks required. */
export function requiredFields(from: CaseState, to: CaseState): ReadonlySet<TransitionField> {
  const rule = RULES.find((r) => r.to === to && r.from.includes(from));
  return new Set(rule?.conditions.flatMap((c) => (c.requires ? [c.requires] : [])) ?? []);
}

/**
 * The one definition of "overdue": a case under a deadline whose deadline day has passed in the office's
 * time zone. Derived from the clock on every read, never stored. `overdueSql` is its SQL twin.
 */
export function isOverdue(state: CaseState, deadline: string | null, today: string): boolean {
  return (DEADLINE_STATES as readonly CaseState[]).includes(state) && deadline !== null && deadline < today;
}

/** `isOverdue` as SQL over a state and a deadline column (cases, or the stats rollup). */
export function overdueSql(state: AnyColumn | SQL, deadline: AnyColumn | SQL): SQL<boolean> {
  return sql<boolean>`(${state} IN (${statesSql(DEADLINE_STATES)}) AND ${deadline} < ${officeTodaySql})`;
}
