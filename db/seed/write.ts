/** Writes the planned demo in bulk, in dependency order, inside the caller's transaction. */
import { eq } from 'drizzle-orm';
import {
  campaignSectors, campaigns, caseEvents, cases, findings, inspections, noticeEntries, notices, operators, retests,
  storeListings, subjectIdentifiers, subjectNames, subjects, takedowns,
} from '../schema';
import type { Tx } from '../client';
import { identifierMatchValue } from '../../lib/domain/identifiers';
import { insertAll, insertReturning } from './bulk';
import type { DemoCalendar } from './dates';
import type { NoticePlan } from './notices';
import type { CampaignPlan, CasePlan, InspectionPlan, OperatorPlan, SubjectPlan } from './plan';
import { VIOLATION_CATEGORIES } from './taxonomy';
import type { DemoUserIds } from './users';

const LEGAL_BASIS = new Map(VIOLATION_CATEGORIES.map((c) => [c.code, c.legalBasisZh]));

export interface DemoPlan {
  operators: OperatorPlan[];
  subjects: SubjectPlan[];
  campaigns: CampaignPlan[];
  inspections: InspectionPlan[];
  cases: CasePlan[];
  notices: NoticePlan[];
}

export async function writePlan(tx: Tx, cal: DemoCalendar, plan: DemoPlan, users: DemoUserIds): Promise<Record<string, number>> {
  const uid = (k: keyof DemoUserIds | null) => (k ? users[k] : null);
  const counts: Record<string, number> = {};

  const ops = await insertReturning<{ id: number; uscc: string }>(
    tx, operators,
    plan.operators.map((o) => ({
      name: o.name, uscc: o.uscc, regionCode: o.region.division, contact: o.contact,
      createdAt: cal.at(o.createdDay, 9, 30), updatedAt: cal.at(o.createdDay, 9, 30),
    })),
    { id: operators.id, uscc: operators.uscc },
    (r, i) => r.uscc === plan.operators[i]!.uscc,
  );
  ops.forEach((r, i) => (plan.operators[i]!.id = r.id));
  counts.operators = ops.length;

  const subs = await insertReturning<{ id: number; name: string }>(
    tx, subjects,
    plan.subjects.map((s) => ({
      kind: s.kind, platform: s.platform, name: s.name, sector: s.sector, operatorId: s.operator.id!,
      createdBy: users.inspector, createdAt: cal.at(s.createdDay, 10, 0),
      updatedAt: cal.at(s.names[s.names.length - 1]!.fromDay, 10, 0),
    })),
    { id: subjects.id, name: subjects.name },
    (r, i) => r.name === plan.subjects[i]!.name,
  );
  subs.forEach((r, i) => (plan.subjects[i]!.id = r.id));
  counts.subjects = subs.length;

  const nameRows = plan.subjects.flatMap((s) => s.names.map((n) => ({
    subjectId: s.id!, name: n.name, validFrom: cal.at(n.fromDay, 10, 0), validTo: n.toDay === null ? null : cal.at(n.toDay, 10, 0),
  })));
  await insertAll(tx, subjectNames, nameRows);
  counts.subject_names = nameRows.length;

  const idRows = plan.subjects.flatMap((s) => s.identifiers.map((x) => ({
    subjectId: s.id!, type: x.type, value: x.value, matchValue: identifierMatchValue(x.type, x.value), createdAt: cal.at(s.createdDay, 10, 0),
  })));
  await insertAll(tx, subjectIdentifiers, idRows);
  counts.subject_identifiers = idRows.length;

  const listingRows = plan.subjects.flatMap((s) => {
    // The newest version the office has seen: the last inspection, or a later fix it re-tested.
    const last = s.inspections[s.inspections.length - 1];
    let version = last?.version ?? null;
    let day = last?.day ?? s.createdDay;
    for (const e of last?.case?.events ?? []) if (e.version) { version = e.version; day = e.day; }
    return s.stores.map((store) => ({ subjectId: s.id!, store, versionSeen: version, seenOn: cal.day(day) }));
  });
  await insertAll(tx, storeListings, listingRows);
  counts.store_listings = listingRows.length;

  const camps = await insertReturning<{ id: number; code: string }>(
    tx, campaigns,
    plan.campaigns.map((c) => ({
      code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, startsOn: cal.day(c.startDay), endsOn: cal.day(c.endDay),
      createdAt: cal.at(c.startDay - 10, 11, 0),
    })),
    { id: campaigns.id, code: campaigns.code },
    (r, i) => r.code === plan.campaigns[i]!.code,
  );
  camps.forEach((r, i) => (plan.campaigns[i]!.id = r.id));
  const campSectorRows = plan.campaigns.flatMap((c) => c.sectors.map((sector) => ({ campaignId: c.id!, sector })));
  await insertAll(tx, campaignSectors, campSectorRows);
  counts.campaigns = camps.length;
  counts.campaign_sectors = campSectorRows.length;

  const insps = await insertReturning<{ id: number; subjectId: number }>(
    tx, inspections,
    plan.inspections.map((x) => ({
      subjectId: x.subject.id!, version: x.version, inspectedOn: cal.day(x.day), method: x.method,
      campaignId: x.campaign?.id ?? null, inspectorId: uid(x.inspector), source: x.source, externalRef: x.externalRef,
      createdAt: x.case!.events[0]!.at,
    })),
    { id: inspections.id, subjectId: inspections.subjectId },
    (r, i) => r.subjectId === plan.inspections[i]!.subject.id,
  );
  insps.forEach((r, i) => (plan.inspections[i]!.id = r.id));
  counts.inspections = insps.length;

  const findingRows = plan.inspections.flatMap((x) => x.findings.map((f, i) => ({
    inspectionId: x.id!, category: f.category, severity: f.severity, description: f.description,
    legalBasis: LEGAL_BASIS.get(f.category) ?? '', detectedAt: x.case!.events[0]!.at,
    source: x.source, externalId: x.externalRef ? `${x.externalRef}-${i + 1}` : null,
  })));
  await insertAll(tx, findings, findingRows);
  counts.findings = findingRows.length;

  const noticeIds = await insertReturning<{ id: number; slug: string }>(
    tx, notices,
    plan.notices.map((n) => ({
      kind: n.kind, status: 'published' as const, slug: n.number.slug, titleZh: n.titleZh, titleEn: n.titleEn,
      introZh: n.introZh, introEn: n.introEn, deadline: n.deadline, year: n.number.year,
      batchInYear: n.number.batchInYear, batchOverall: n.number.batchOverall,
      createdBy: users.supervisor, approvedBy: users.supervisor2, publishedBy: users.supervisor,
      createdAt: n.createdAt, approvedAt: n.approvedAt, publishedAt: n.publishedAt,
    })),
    { id: notices.id, slug: notices.slug },
    (r, i) => r.slug === plan.notices[i]!.number.slug,
  );
  noticeIds.forEach((r, i) => (plan.notices[i]!.id = r.id));
  const noticeId = (n: 1 | 2 | undefined) => (n ? plan.notices[n - 1]!.id! : null);
  counts.notices = noticeIds.length;

  const caseRows = plan.cases.map((c) => {
    const ev = c.events;
    const last = ev[ev.length - 1]!;
    const first = (s: string) => ev.find((e) => e.to === s)?.at ?? null;
    const lastWith = <K extends 'deadline' | 'version'>(k: K, to?: string) =>
      [...ev].reverse().find((e) => e[k] !== undefined && (!to || e.to === to))?.[k] ?? null;
    return {
      subjectId: c.inspection.subject.id!, inspectionId: c.inspection.id!, state: last.to, revision: ev.length,
      deadline: lastWith('deadline'), foundVersion: c.inspection.version,
      claimedVersion: lastWith('version', 'rectified'),
      retestVersion: [...ev].reverse().find((e) => e.retest)?.retest?.version ?? null,
      openedAt: ev[0]!.at, firstOrderedAt: first('ordered'), firstNotifiedAt: first('notified'), firstRemovedAt: first('removed'),
      closedAt: ['verified', 'reinstated', 'withdrawn'].includes(last.to) ? last.at : null, updatedAt: last.at,
    };
  });
  const caseIds = await insertReturning<{ id: number; inspectionId: number }>(
    tx, cases, caseRows, { id: cases.id, inspectionId: cases.inspectionId },
    (r, i) => r.inspectionId === plan.cases[i]!.inspection.id,
  );
  caseIds.forEach((r, i) => (plan.cases[i]!.id = r.id));
  counts.cases = caseIds.length;
  const recurring = plan.cases.filter((c) => c.previous);
  for (const c of recurring) {
    await tx.update(cases).set({ previousCaseId: c.previous!.id! }).where(eq(cases.id, c.id!));
  }
  counts.recurring_cases = recurring.length;

  const allEvents = plan.cases.flatMap((c) => c.events.map((e, i) => ({ c, e, revision: i + 1 })));
  const eventIds = await insertReturning<{ id: number; caseId: number }>(
    tx, caseEvents,
    allEvents.map(({ c, e, revision }) => ({
      caseId: c.id!, revision, fromState: e.from, toState: e.to, actorUserId: uid(e.actor), reason: e.reason,
      deadline: e.deadline ?? null, version: e.version ?? null, noticeId: noticeId(e.notice), at: e.at,
    })),
    { id: caseEvents.id, caseId: caseEvents.caseId },
    (r, i) => r.caseId === allEvents[i]!.c.id,
  );
  eventIds.forEach((r, i) => (allEvents[i]!.e.id = r.id));
  counts.case_events = eventIds.length;

  const retestRows = allEvents.filter(({ e }) => e.retest).map(({ c, e }) => ({
    caseId: c.id!, eventId: e.id!, version: e.retest!.version, result: e.retest!.result, notes: e.retest!.notes,
    testedBy: uid(e.actor), testedAt: e.at,
  }));
  await insertAll(tx, retests, retestRows);
  counts.retests = retestRows.length;

  const takedownRows = plan.cases.flatMap((c) => c.takedowns.map((t) => ({
    caseId: c.id!, store: t.store, takenDownOn: cal.day(t.day), confirmedBy: users.supervisor,
    note: c.inspection.subject.kind === 'mini_program' ? '平台已确认禁止搜索' : '应用商店已确认下架',
    createdAt: cal.at(t.day, 17, 30),
  })));
  await insertAll(tx, takedowns, takedownRows);
  counts.takedowns = takedownRows.length;

  const entryRows = plan.notices.flatMap((n) => n.entries.map((x) => ({
    noticeId: n.id!, caseId: x.case.id!, position: x.position, caseRevision: x.caseRevision, appName: x.appName,
    operatorName: x.operatorName, source: x.source, version: x.version, filingNumber: x.filingNumber,
    region: x.region, problems: x.problems, categories: x.categories, deadline: x.deadline,
  })));
  await insertAll(tx, noticeEntries, entryRows);
  counts.notice_entries = entryRows.length;

  return counts;
}
