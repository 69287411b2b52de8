import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import { offenderRules } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { notFound } from '@/lib/http/errors';
import { recomputeOffenderFlags } from './refresh';
import type { RuleOutcome } from './rules/upsert';
import type { FlagRule, RuleRow } from './types';

export function listRules(db: Queryable): Promise<RuleRow[]> {
  return db.select().from(offenderRules).orderBy(asc(offenderRules.rule));
}

/**
 * An admin changes a rule's threshold, window or switch: audited, and every flag is recomputed in the
 * same transaction so the queue matches the rule at once (flags that no longer hold are resolved).
 */
export async function updateRule(
  tx: Tx,
  actor: Actor,
  rule: FlagRule,
  values: { threshold: number; windowMonths: number; enabled: boolean },
): Promise<{ rule: RuleRow; outcomes: RuleOutcome[] }> {
  const [before] = await tx.select().from(offenderRules).where(eq(offenderRules.rule, rule)).for('update');
  if (!before) throw notFound('Rule', rule);
  const [after] = await tx
    .update(offenderRules)
    .set({ ...values, updatedBy: actor.kind === 'user' ? actor.id : null, updatedAt: sql`now()` })
    .where(eq(offenderRules.rule, rule))
    .returning();
  await recordAudit(tx, actor, {
    action: 'offender_rule.update',
    entityType: 'offender_rule',
    entityId: rule,
    before: { threshold: before.threshold, windowMonths: before.windowMonths, enabled: before.enabled },
    after: values,
  });
  const outcomes = await recomputeOffenderFlags(tx);
  return { rule: after!, outcomes };
}
