import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { deferAudit, flushDeferredAudit, recordAudit } from '@/lib/audit';
import { refreshOffenderFlagsWhere } from '@/lib/offenders/refresh';
import type { ImportCounts } from './schemas';
import { createOperators, resolveSubjects, touchedScope, type ApplyScope } from './apply-registry';
import { createFindings, openCases, referenceEvidence, resolveInspections } from './apply-inspections';

export type { ImportCounts };

export const EMPTY_COUNTS: ImportCounts = {
  created: { operators: 0, subjects: 0, inspections: 0, findings: 0, cases: 0 },
  known: 0,
  rejected: 0,
};

/** Steps of the apply phase, in order: a hook may run after each (tests inject failures there). */
export type ApplyStep = 'operators' | 'subjects' | 'inspections' | 'evidence' | 'findings' | 'cases' | 'flags' | 'rollups' | 'audit';
export type StepHook = (step: ApplyStep) => void | Promise<void>;

class DryRunRollback extends Error {}

/** The advisory lock that keeps applies one at a time (not the audit chain's 7245001, nor the seed's 7245002). */
const APPLY_LOCK = 7245003;

export interface ApplyInput {
  jobId: number;
  actor: Actor | null;
  dryRun: boolean;
  validRows: number;
  rejectedRows: number;
  filename: string;
  onStep?: StepHook;
  /** Runs inside the transaction after the audit event (a real run marks its job done there). */
  onCommit?: (tx: Tx, counts: ImportCounts) => Promise<void>;
}

/**
 * The applying phase: ONE transaction of set-based statements over the job's staging rows
 * (operators, subjects, inspections, evidence references, findings, cases), then one refresh of the
 * repeat-offender flags for everything touched and one audit event naming the job and its counts.
 * The audit chain's lock is taken only for that last append, so other writers are not held up for
 * the length of the apply.
 * A dry run does all of it and rolls back. Imports are never destructive: nothing is updated or
 * closed because a row is absent, and known rows change nothing.
 */
export async function applyStagedRows(db: Db, input: ApplyInput): Promise<ImportCounts> {
  let result: ImportCounts = EMPTY_COUNTS;
  const step = async (name: ApplyStep) => input.onStep?.(name);
  try {
    await db.transaction(async (tx) => {
      // One apply at a time across processes: two files naming the same new subject never race.
      // (Its own lock: the audit chain's is taken only by the append right before commit.)
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${APPLY_LOCK})`);
      // Audit events written during the apply (reopened offender flags) wait in a temporary table
      // and join the chain with the import's own event at the end (docs/decisions/0002).
      await deferAudit(tx);
      // The dashboard rollups' cells are shared with every other writer of the same sector and month
      // (ADR 0004): the apply's inserts only keep their rows; the deltas are computed after the
      // apply and added to the rollups right before the commit (db/migrations/0024_stats_deferral.sql).
      await tx.execute(sql`SELECT stats_defer()`);
      // The apply's sorts and hashes (DISTINCT ON over every staged row, the joins that resolve them)
      // get a batch job's memory for this transaction only, instead of spilling to disk at 4 MB
      // (applies run one at a time: the lock above). The offender recompute asks the same.
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      // Fresh statistics for the staged rows, or the planner takes the new table for empty (nested loops).
      await tx.execute(sql`ANALYZE import_staging`);
      const scope: ApplyScope = {
        tx,
        job: sql.raw(String(Math.trunc(input.jobId))),
        userId: sql.raw(input.actor?.kind === 'user' ? String(Math.trunc(input.actor.id)) : 'NULL::int'),
        tokenId: sql.raw(input.actor?.kind === 'token' ? String(Math.trunc(input.actor.id)) : 'NULL::int'),
      };
      const operators = await createOperators(scope);
      await step('operators');
      const subjects = await resolveSubjects(scope);
      await step('subjects');
      const inspections = await resolveInspections(scope);
      await step('inspections');
      await referenceEvidence(scope);
      await step('evidence');
      const findings = await createFindings(scope);
      await step('findings');
      const cases = await openCases(scope);
      await step('cases');
      // Only what the file touched, however large: the scope stays in the database (no id lists).
      await refreshOffenderFlagsWhere(tx, touchedScope(scope));
      await step('flags');
      await tx.execute(sql`SELECT stats_deferred_deltas()`);
      await step('rollups');
      result = {
        created: { operators, subjects, inspections, findings, cases },
        known: input.validRows - findings,
        rejected: input.rejectedRows,
      };
      // The rollup cells other writers share are locked only from here to the commit. Before the audit
      // chain's lock, as every writer takes them (cells, then the chain): the other order deadlocks.
      await tx.execute(sql`SELECT stats_merge_deferred()`);
      // The repeat-offender tallies of the apply's cases (migration 0028), locked after the rollup cells as every writer locks them.
      await tx.execute(sql`SELECT offender_tallies_merge_deferred()`);
      // From here to the commit the chain's lock is held: only these appends and marking the job done.
      await flushDeferredAudit(tx);
      await recordAudit(tx, input.actor, {
        action: input.dryRun ? 'import.dry_run' : 'import.apply',
        entityType: 'import_job',
        entityId: input.jobId,
        after: { filename: input.filename, ...result },
      });
      await step('audit');
      if (input.dryRun) throw new DryRunRollback();
      await input.onCommit?.(tx, result);
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return result;
}
