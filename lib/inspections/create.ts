import { campaignWhere } from '@/lib/campaigns/queries';
import { inArray, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { campaigns, evidence, findingEvidence, findings, inspections, subjects, violationCategories } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { openCaseForInspection } from '@/lib/cases/open';
import { unprocessable, type FieldErrors } from '@/lib/http/errors';
import type { InspectionInput } from './schemas';

/** Every reference of the input must exist; one 422 names each field that does not. */
async function checkReferences(tx: Tx, input: InspectionInput) {
  const fields: FieldErrors = {};
  const [subject] = await tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.id, input.subjectId)).limit(1);
  if (!subject) fields.subjectId = `Subject ${input.subjectId} does not exist.`;
  let campaignId: number | null = null;
  if (input.campaignId) {
    const [campaign] = await tx.select({ id: campaigns.id, status: campaigns.status }).from(campaigns).where(campaignWhere(input.campaignId)).limit(1);
    if (!campaign) fields.campaignId = `Campaign ${input.campaignId} does not exist.`;
    else if (campaign.status === 'closed') fields.campaignId = `Campaign ${input.campaignId} is closed: it takes no new inspections.`;
    else campaignId = campaign.id;
  }
  const codes = [...new Set(input.findings.map((f) => f.category))];
  const categories = await tx.select().from(violationCategories).where(inArray(violationCategories.code, codes));
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const hashes = [...new Set(input.findings.flatMap((f) => f.evidence))];
  const known = new Set(hashes.length ? (await tx.select({ sha256: evidence.sha256 }).from(evidence).where(inArray(evidence.sha256, hashes))).map((r) => r.sha256) : []);
  input.findings.forEach((f, i) => {
    if (!byCode.has(f.category)) fields[`findings.${i}.category`] = `Unknown violation category "${f.category}".`;
    const missing = f.evidence.filter((h) => !known.has(h));
    if (missing.length) fields[`findings.${i}.evidence`] = `Not uploaded: ${missing.join(', ')}. Upload through POST /api/v1/evidence first.`;
  });
  if (Object.keys(fields).length) throw unprocessable('The inspection refers to something that does not exist.', fields);
  return { categories: byCode, campaignId };
}

/**
 * Saves an inspection, its findings and their evidence links, and opens its case — inside the
 * caller's transaction, so all of it commits or none of it does.
 */
export async function createInspection(tx: Tx, actor: Actor, input: InspectionInput) {
  const { categories, campaignId } = await checkReferences(tx, input);
  const [inspection] = await tx
    .insert(inspections)
    .values({
      subjectId: input.subjectId,
      version: input.version,
      inspectedOn: input.inspectedOn,
      method: input.method,
      campaignId,
      inspectorId: actor.kind === 'user' ? actor.id : null,
      tokenId: actor.kind === 'token' ? actor.id : null,
      notes: input.notes,
    })
    .returning();
  const saved = await tx
    .insert(findings)
    .values(
      input.findings.map((f) => ({
        inspectionId: inspection!.id,
        category: f.category,
        severity: f.severity,
        description: f.description,
        legalBasis: f.legalBasis || categories.get(f.category)!.legalBasisZh,
      })),
    )
    .returning();
  const links = saved.flatMap((row, i) => [...new Set(input.findings[i]!.evidence)].map((sha256) => ({ findingId: row.id, sha256 })));
  if (links.length) await tx.insert(findingEvidence).values(links);
  await recordAudit(tx, actor, {
    action: 'inspection.create',
    entityType: 'inspection',
    entityId: inspection!.id,
    after: { ...input, findingIds: saved.map((f) => f.id) },
  });
  const opened = await openCaseForInspection(tx, actor, inspection!.id);
  return { inspection: inspection!, findings: saved.map((f, i) => ({ ...f, evidence: input.findings[i]!.evidence })), case: opened };
}
