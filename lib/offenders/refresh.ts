import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable, type Tx } from '@/db/client';
import { offenderRules } from '@/db/schema';
import { refreshEvasion } from './rules/evasion';
import { refreshMultiLine } from './rules/multi-line';
import { refreshOperatorRecurrence } from './rules/operator-recurrence';
import { refreshSubjectRecidivism } from './rules/subject-recidivism';
import type { RuleOutcome } from './rules/upsert';
import { SCOPE_OPERATORS, SCOPE_OPERATORS_WIDE, SCOPE_SUBJECTS, SCOPE_SUBJECTS_WIDE, TALLIED_CASES, type FlagScope } from './scope';
import { FLAG_RULES, type FlagRule, type RuleParams } from './types';

const RUNNERS = {
  operator_recurrence: refreshOperatorRecurrence,
  subject_recidivism: refreshSubjectRecidivism,
  evasion: refreshEvasion,
  multi_line: refreshMultiLine,
} as const satisfies Record<FlagRule, unknown>;

async function loadRuleParams(db: Queryable): Promise<Record<FlagRule, RuleParams>> {
  const rows = await db.select().from(offenderRules);
  const byRule = new Map(rows.map((r) => [r.rule, r]));
  return Object.fromEntries(
    FLAG_RULES.map((rule) => {
      const r = byRule.get(rule);
      // No row: the rule is not configured in this database, so it raises nothing.
      return [rule, { threshold: r?.threshold ?? 1, windowMonths: r?.windowMonths ?? 24, enabled: r?.enabled ?? false }];
    }),
  ) as Record<FlagRule, RuleParams>;
}

export type TimedOutcome = RuleOutcome & { ms: number };

async function run(db: Queryable, scope: FlagScope, loaded?: Record<FlagRule, RuleParams>): Promise<TimedOutcome[]> {
  const params = loaded ?? (await loadRuleParams(db));
  // A batch's statements (the full recompute, an import's scope) cost enough to trigger JIT, whose
  // compilation took longer than it saved (4.6 s of multi_line's 16 s at DESIGN §8 scale): off for the
  // transaction. Single-subject refreshes stay below the JIT threshold anyway.
  if (scope.all || scope.tables) {
    await db.execute(sql`SET LOCAL jit = off`);
    // Explanations (8 KB of JSON for a large operator) compressed by lz4 where the server has it (PGlite has
    // only pglz): pglz took 180 ms of CPU to store the full recompute's 2,500 operator_recurrence flags, lz4 50 ms.
    await db.execute(sql`SELECT set_config('default_toast_compression', 'lz4', true)
      FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)`);
  }
  const out: TimedOutcome[] = [];
  for (const rule of FLAG_RULES) {
    const started = performance.now();
    const outcome = await RUNNERS[rule](db, scope, params[rule]);
    out.push({ ...outcome, ms: Math.round(performance.now() - started) });
  }
  return out;
}

/**
 * Brings the flags of the touched operators and subjects up to date, inside the caller's transaction.
 * Call it from every write that can change a rule's verdict (see lib/offenders/README.md): opening a
 * case, a transition to or from withdrawn/verified/reinstated/removed, creating or re-linking a subject
 * (pass the old and new operator), adding identifiers or store listings, and imports (once per batch).
 */
export async function refreshOffenderFlags(
  db: Queryable,
  touched: { operatorIds?: readonly number[]; subjectIds?: readonly number[] },
): Promise<TimedOutcome[]> {
  const operatorIds = [...(touched.operatorIds ?? [])];
  const subjectIds = [...(touched.subjectIds ?? [])];
  if (!operatorIds.length && !subjectIds.length) return [];
  return run(db, { operatorIds, subjectIds });
}

/**
 * The same refresh for a batch too large for id lists (an import: tens of thousands of subjects):
 * `subjects` and `operators` are queries of one `id` column each, written once into the transaction's
 * scope tables (analyzed, so every rule joins them by hash rather than probing an array), and each rule
 * evaluates only what they can affect — the cost follows the batch, not the database.
 */
export async function refreshOffenderFlagsWhere(db: Queryable, touched: { subjects: SQL; operators: SQL }): Promise<TimedOutcome[]> {
  const tables = sql`${SCOPE_SUBJECTS}, ${SCOPE_OPERATORS}, ${SCOPE_SUBJECTS_WIDE}, ${SCOPE_OPERATORS_WIDE}`;
  await db.execute(sql`DROP TABLE IF EXISTS ${tables}`);
  await db.execute(sql`CREATE TEMP TABLE offender_scope_subjects ON COMMIT DROP AS SELECT DISTINCT id FROM (${touched.subjects}) t(id) WHERE id IS NOT NULL`);
  await db.execute(sql`CREATE TEMP TABLE offender_scope_operators ON COMMIT DROP AS SELECT DISTINCT id FROM (${touched.operators}) t(id) WHERE id IS NOT NULL`);
  await db.execute(sql`ANALYZE ${SCOPE_SUBJECTS}`);
  await db.execute(sql`ANALYZE ${SCOPE_OPERATORS}`);
  await db.execute(sql`CREATE TEMP TABLE offender_scope_operators_wide ON COMMIT DROP AS
    SELECT id FROM ${SCOPE_OPERATORS} UNION SELECT s.operator_id FROM ${SCOPE_SUBJECTS} t JOIN subjects s ON s.id = t.id WHERE s.operator_id IS NOT NULL`);
  await db.execute(sql`CREATE TEMP TABLE offender_scope_subjects_wide ON COMMIT DROP AS
    SELECT id FROM ${SCOPE_SUBJECTS} UNION SELECT s.id FROM ${SCOPE_OPERATORS} t JOIN subjects s ON s.operator_id = t.id`);
  await db.execute(sql`ANALYZE ${SCOPE_OPERATORS_WIDE}`);
  await db.execute(sql`ANALYZE ${SCOPE_SUBJECTS_WIDE}`);
  try {
    return await run(db, { tables: true });
  } finally {
    await db.execute(sql`DROP TABLE IF EXISTS ${tables}`).catch(() => undefined);
  }
}

/**
 * Recomputes every rule over the whole database (npm run offenders:recompute, threshold changes, the
 * demo), in the caller's transaction or else its own: its sorts and hashes over a million cases get the
 * memory of a batch job for that transaction only (SET LOCAL), instead of spilling to disk. The operators
 * and subjects that can qualify come from the tallies the writes keep (migration 0028, lib/offenders/README.md).
 */
export async function recomputeOffenderFlags(db: Queryable): Promise<TimedOutcome[]> {
  // Its settings and its temporary table belong to one transaction (on one connection of the pool). A
  // transaction is told by its rollback() (`instanceof` fails across drizzle's ESM and CJS builds).
  if (typeof (db as Partial<Tx>).rollback !== 'function') return db.transaction((tx) => recomputeOffenderFlags(tx));
  await db.execute(sql`SET LOCAL work_mem = '64MB'`);
  // The tallies of counted cases (migration 0028) are exact unless this transaction defers its own
  // inserts' (an import's apply before offender_tallies_merge_deferred): then the rules read the base tables.
  const [state] = await queryRows<{ deferred: boolean }>(db, sql`
    SELECT stats_deferring() OR to_regclass('pg_temp.offender_tallies_pending') IS NOT NULL AS deferred`);
  if (state?.deferred) return run(db, { all: true, tallied: false });
  // operator_recurrence and multi_line read the counted cases of the same few operators (those whose
  // tally reaches the lower of their thresholds): read once, with their subjects and inspections.
  const params = await loadRuleParams(db);
  const lowest = Math.min(
    ...(['operator_recurrence', 'multi_line'] as const).filter((r) => params[r].enabled).map((r) => params[r].threshold),
    2_147_483_647, // neither enabled: no operator (the largest int)
  );
  await db.execute(sql`DROP TABLE IF EXISTS ${TALLIED_CASES}`);
  await db.execute(sql`CREATE TEMP TABLE offender_tallied_cases ON COMMIT DROP AS
    SELECT s.operator_id, c.id AS case_id, c.inspection_id, i.inspected_on, s.id AS subject_id, s.name AS subject_name, s.kind, s.platform,
           c.state, i.campaign_id
    FROM offender_operator_tallies t
    JOIN subjects s ON s.operator_id = t.operator_id
    JOIN cases c ON c.subject_id = s.id
    JOIN inspections i ON i.id = c.inspection_id
    WHERE t.campaign_id = 0 AND t.cases >= ${lowest}::int AND c.state <> 'withdrawn'`);
  await db.execute(sql`ANALYZE ${TALLIED_CASES}`);
  try {
    return await run(db, { all: true, tallied: true }, params);
  } finally {
    await db.execute(sql`DROP TABLE IF EXISTS ${TALLIED_CASES}`).catch(() => undefined);
  }
}
