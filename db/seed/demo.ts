/**
 * The deterministic demo: a regulator's office year relative to "demo today" — about 40 operators,
 * 300 apps and mini programs, 1,000 inspections with their cases, and two published notices.
 * Same seed, same today: same data, on PGlite and on Postgres.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { auditEvents, offenderFlags, settings, users as usersTable } from '../schema';
import type { Db, Tx } from '../client';
import { DemoCalendar } from './dates';
import { buildFindings } from './findings';
import { buildCases } from './lifecycle';
import { buildNotices, noticeNumbers } from './notices';
import type { BuildContext, CaseState } from './plan';
import { DEMO_SEED, Rng } from './random';
import { Namer, buildOperators, buildSubjects } from './registry';
import { applyRenames, assignStories, buildCampaigns, buildReregistrations, scheduleInspections } from './schedule';
import { seedTaxonomies } from './taxonomy';
import { seedDemoContact, seedDemoUsers } from './users';
import { writePlan, type DemoPlan } from './write';
import { recomputeOffenderFlags } from '../../lib/offenders/refresh';
import { reviewFlag } from '../../lib/offenders/review';
import type { Actor } from '../../lib/auth/actor';

export const DEMO_SETTING_KEY = 'demo_seed';
const SEED_LOCK = 7245002;

export interface SeedDemoResult {
  /** False when the demo was already there and nothing was written. */
  created: boolean;
  today?: string;
  counts?: Record<string, number>;
  states?: Record<CaseState, number>;
}

/** Builds the whole demo in memory; pure apart from the calendar it is given. */
export function buildDemoPlan(today: Date): { cal: DemoCalendar; plan: DemoPlan } {
  const cal = new DemoCalendar(today);
  const ctx: BuildContext = { rng: new Rng(DEMO_SEED), cal };
  const usccs = new Set<string>();
  const operators = buildOperators(ctx, 40, usccs);
  const namer = new Namer(ctx.rng, operators);
  const registered = buildSubjects(ctx, operators, namer, 296);
  const campaigns = buildCampaigns(ctx);
  const originals = assignStories(ctx, registered);
  const rereg = buildReregistrations(ctx, originals, operators, namer, usccs, registered.length);
  const subjects = [...registered, ...rereg];
  const inspections = scheduleInspections(ctx, subjects, campaigns);
  applyRenames(ctx, subjects, namer);
  const numbers = noticeNumbers(cal);
  const cases = buildCases(ctx, inspections, { 1: numbers[1].labelZh, 2: numbers[2].labelZh });
  buildFindings(ctx, subjects, 10);
  const notices = buildNotices(cal, cases);
  return { cal, plan: { operators, subjects, campaigns, inspections, cases, notices } };
}

/**
 * A supervisor has already confirmed the two heaviest operator_recurrence flags and the heaviest
 * evasion flag, so a new user sees the repeat-offender marks in the lists and what a review looks like.
 */
async function confirmDemoFlags(tx: Tx, supervisorId: number): Promise<number> {
  const [supervisor] = await tx.select({ name: usersTable.name, email: usersTable.email }).from(usersTable).where(eq(usersTable.id, supervisorId));
  const actor: Actor = { kind: 'user', id: supervisorId, role: 'supervisor', name: supervisor!.name, email: supervisor!.email };
  const picks = [
    ...(await tx.select({ id: offenderFlags.id }).from(offenderFlags).where(eq(offenderFlags.rule, 'operator_recurrence')).orderBy(desc(offenderFlags.weight), offenderFlags.id).limit(2)),
    ...(await tx.select({ id: offenderFlags.id }).from(offenderFlags).where(eq(offenderFlags.rule, 'evasion')).orderBy(desc(offenderFlags.weight), offenderFlags.id).limit(1)),
  ];
  for (const [i, { id }] of picks.entries()) {
    await reviewFlag(tx, actor, id, { decision: 'confirm', escalation: i === 2 ? 'credit_record' : 'interview', reason: '约谈企业负责人，责令全面自查整改（演示数据）。' });
  }
  return picks.length;
}

/**
 * Seeds the demo once: all-or-nothing in one transaction, skipped entirely when the `demo_seed`
 * setting shows it already ran. Also makes sure the taxonomies and demo users exist.
 */
export async function seedDemo(db: Db, options: { today?: Date } = {}): Promise<SeedDemoResult> {
  const today = options.today ?? new Date();
  return db.transaction(async (tx) => {
    // Two processes starting at once: the second waits here, then sees the marker and skips.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const [done] = await tx.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_SETTING_KEY));
    if (done) return { created: false };

    const { cal, plan } = buildDemoPlan(today);
    await seedTaxonomies(tx);
    const users = await seedDemoUsers(tx, { createdAt: cal.at(-400, 9, 0) });
    const counts = await writePlan(tx, cal, plan, users);
    // The repeat-offender queue a new user sees: every rule over the whole demo.
    for (const o of await recomputeOffenderFlags(tx)) counts[`flags_${o.rule}`] = o.changed;
    counts.flags_confirmed = await confirmDemoFlags(tx, users.supervisor);
    counts.contacts = (await seedDemoContact(tx, users.supervisor)) === null ? 0 : 1;
    const states = {} as Record<CaseState, number>;
    for (const s of ['open', 'ordered', 'rectified', 'verified', 'notified', 'removed', 'reinstated', 'withdrawn'] as const) states[s] = 0;
    for (const c of plan.cases) states[c.events[c.events.length - 1]!.to]++;

    await tx.insert(settings).values({
      key: DEMO_SETTING_KEY,
      value: JSON.stringify({ seed: DEMO_SEED, today: cal.today }),
      updatedBy: users.admin,
    });
    await tx.insert(auditEvents).values({
      action: 'seed.demo', entityType: 'system', entityId: 'demo',
      after: { today: cal.today, seed: DEMO_SEED, counts, states },
    });
    return { created: true, today: cal.today, counts, states };
  });
}
