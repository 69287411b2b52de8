import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { invalid } from '@/lib/http/errors';
import { apiRoute, readJson } from '@/lib/http/route';
import { updateRule } from '@/lib/offenders/rules-admin';
import { ruleParamSchema, ruleUpdateSchema } from '@/lib/offenders/schemas';

/** An admin sets a rule's threshold, window and switch; audited, and every flag is recomputed. */
export const PUT = apiRoute<{ rule: string }>(async (req, params) => {
  const actor = await requirePermission('admin:rules');
  const rule = ruleParamSchema.safeParse(params.rule);
  if (!rule.success) throw invalid(`Unknown rule ${params.rule}.`, { rule: rule.error.issues[0]!.message });
  const body = await readJson(req, ruleUpdateSchema);
  const db = await getDb();
  const { rule: row, outcomes } = await db.transaction((tx) => updateRule(tx, actor, rule.data, body));
  return { rule: row, recomputed: outcomes };
});
