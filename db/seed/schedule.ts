/**
 * Who is inspected when: campaigns, the notice stories, re-registrations after removal, renames and
 * the ~1,000 inspections of the year (busier towards today, as the six-month action ramps up).
 */
import { BRANDS } from './names';
import {
  NOTICE_DAYS, type BuildContext, type CampaignPlan, type InspectionPlan, type Method, type OperatorPlan,
  type Story, type SubjectPlan, type UserKey,
} from './plan';
import type { Rng } from './random';
import { certSha256, filingNumber, makeOperator, appId, type Namer } from './registry';

export function buildCampaigns(ctx: BuildContext): CampaignPlan[] {
  const { cal } = ctx;
  const y1 = cal.year(-150);
  const y2 = cal.year(-300);
  const y3 = cal.year(-110);
  return [
    {
      key: 0, code: `${y1}-consumer-scenarios`, startDay: -150, endDay: 32,
      nameZh: `${y1}年消费场景个人信息保护六个月专项行动`,
      nameEn: `${y1} six-month action on personal information in consumer scenarios`,
      sectors: ['restaurant', 'parking', 'training', 'retail', 'real_estate', 'auto_dealer', 'power_bank', 'live_commerce'],
    },
    {
      key: 1, code: `${y2}-store-sdk`, startDay: -300, endDay: -215,
      nameZh: `${y2}年应用分发平台及第三方SDK专项治理`,
      nameEn: `${y2} action on app stores and third-party SDKs`,
      sectors: ['other', 'finance', 'transport', 'short_drama', 'retail'],
    },
    {
      key: 2, code: `${y3}-short-drama-live-commerce`, startDay: -110, endDay: -50,
      nameZh: `${y3}年短剧及直播带货App侵害用户权益专项整治`,
      nameEn: `${y3} action on short-drama and live-commerce apps infringing users' rights`,
      sectors: ['short_drama', 'live_commerce'],
    },
  ];
}

/** A day in [-365, -1], more likely the nearer it is to today. */
function recentDay(rng: Rng, oldest = 365, newest = 1): number {
  for (;;) {
    const d = rng.int(newest, oldest);
    const x = 1 - d / 365;
    if (rng.next() * 4 < 1 + 3 * x * x) return -d;
  }
}

function spacedDays(rng: Rng, n: number, oldest: number, newest: number, gap: number): number[] {
  for (let tries = 0; n > 0; tries++) {
    const days = Array.from({ length: n }, () => recentDay(rng, oldest, newest)).sort((a, b) => a - b);
    if (days.every((d, i) => i === 0 || d - days[i - 1]! >= gap)) return days;
    if (tries > 40) { n--; tries = 0; }
  }
  return [];
}

const STORY_QUOTAS: [Story, number][] = [
  ['notified', 50], ['notified_rectified', 4], ['notified_verified', 8], ['removed', 14], ['reinstated', 4],
];

/**
 * Picks the subjects whose cases the two notices name. The removed ones include the originals of the
 * four re-registrations (two Android apps, an iOS app and a mini program with a filing number).
 */
export function assignStories(ctx: BuildContext, subjects: SubjectPlan[]): SubjectPlan[] {
  const { rng } = ctx;
  const pool = rng.shuffle(subjects.filter((s) => s.kind !== 'sdk'));
  const take = (pred: (s: SubjectPlan) => boolean): SubjectPlan => {
    const i = pool.findIndex(pred);
    if (i < 0) throw new Error('demo seed: no subject fits a story');
    return pool.splice(i, 1)[0]!;
  };
  const originals = [
    take((s) => s.kind === 'app' && s.platform === 'android'),
    take((s) => s.kind === 'mini_program' && s.identifiers.some((i) => i.type === 'filing_number')),
    take((s) => s.kind === 'app' && s.platform === 'android'),
    take((s) => s.kind === 'app' && s.platform === 'ios'),
  ];
  for (const s of originals) s.story = 'removed';
  let removedLeft = 14 - originals.length;
  for (const [story, n] of STORY_QUOTAS) {
    const count = story === 'removed' ? removedLeft : n;
    for (let i = 0; i < count; i++) take(() => true).story = story;
    if (story === 'removed') removedLeft = 0;
  }
  return originals;
}

/** New subjects registered after the removal notice, each sharing a strong identifier with an original. */
export function buildReregistrations(
  ctx: BuildContext, originals: SubjectPlan[], operators: OperatorPlan[], namer: Namer, usccs: Set<string>, firstKey: number,
): SubjectPlan[] {
  const { rng } = ctx;
  const usedBrands = new Set(operators.map((o) => o.brand.py));
  const freshBrands = BRANDS.filter((b) => !usedBrands.has(b.py));
  return originals.map((orig, i) => {
    const newOperator = i >= 2;
    let operator = orig.operator;
    if (newOperator) {
      operator = makeOperator(rng, operators.length, freshBrands[i]!, orig.sector, usccs);
      operators.push(operator);
    }
    const generated = namer.name(orig.sector, orig.kind, operator.brand);
    const { brandPy, slug } = generated;
    // The mini program comes back under a barely changed name (same USCC, very similar name).
    const name = i === 1 ? namer.claim(`${orig.name}${rng.pick(['Plus', '优享版', '便民版'])}`) : generated.name;
    const ids: SubjectPlan['identifiers'] = [];
    const get = (t: string) => orig.identifiers.find((x) => x.type === t)!.value;
    if (i === 0) {
      // Same signing certificate and filer, new package name: a re-skinned build.
      ids.push({ type: 'package_name', value: namer.package(`com.${brandPy}.${slug}`) });
      ids.push({ type: 'cert_sha256', value: get('cert_sha256') });
      ids.push({ type: 'filing_number', value: filingNumber(operator, orig.kind) });
    } else if (i === 1) {
      // New appid, same filer's root.
      ids.push({ type: 'mini_program_appid', value: appId(rng, orig.platform) });
      ids.push({ type: 'filing_number', value: filingNumber(operator, orig.kind) });
    } else if (i === 2) {
      // Same package name under a newly registered company, new certificate.
      ids.push({ type: 'package_name', value: get('package_name') });
      ids.push({ type: 'cert_sha256', value: certSha256(rng) });
      ids.push({ type: 'filing_number', value: filingNumber(operator, orig.kind) });
    } else {
      ids.push({ type: 'bundle_id', value: get('bundle_id') });
      ids.push({ type: 'filing_number', value: filingNumber(operator, orig.kind) });
    }
    const createdDay = NOTICE_DAYS.removal + rng.int(2, 8);
    if (newOperator) operator.createdDay = createdDay - rng.int(5, 30);
    return {
      key: firstKey + i, kind: orig.kind, platform: orig.platform, sector: orig.sector, operator, name,
      names: [], identifiers: ids, stores: orig.stores.slice(), createdDay,
      major: 1, minor: 0, story: 'rereg', reregOf: orig, inspections: [],
    };
  });
}

const COUNT_WEIGHTS = { 1: 10, 2: 14, 3: 18, 4: 19, 5: 16, 6: 13, 7: 10 } as const;
const METHOD_WEIGHTS: Record<Method, number> = { technical_test: 70, manual_review: 12, complaint: 8, platform_report: 5, undercover: 5 };

/** Inspection days per subject, then one inspection per day with version, method, inspector and campaign. */
export function scheduleInspections(ctx: BuildContext, subjects: SubjectPlan[], campaigns: CampaignPlan[]): InspectionPlan[] {
  const { rng, cal } = ctx;
  const all: InspectionPlan[] = [];
  let imported = 0;
  for (const s of subjects) {
    let days: number[];
    if (s.story === 'rereg') {
      days = [Math.min(-1, s.createdDay + rng.int(1, 6))];
    } else if (s.story !== 'normal') {
      const key = -rng.int(56, 153);
      const priors = rng.weighted({ 0: 40, 1: 40, 2: 20 });
      days = [...spacedDays(rng, Number(priors), 365, -key + 30, 25), key];
    } else {
      days = spacedDays(rng, Number(rng.weighted(COUNT_WEIGHTS)), 365, 1, 20);
    }
    if (s.story !== 'rereg') s.createdDay = days[0]! - rng.int(3, 90);
    s.names = [{ name: s.name, fromDay: s.createdDay, toDay: null }];
    days.forEach((day, idx) => {
      const method = s.story === 'rereg' && idx === 0 && rng.chance(0.5) ? 'complaint' : rng.weighted(METHOD_WEIGHTS);
      const auto = method === 'technical_test' && rng.chance(0.2);
      const inspector: UserKey | null = auto ? null : rng.chance(0.85) ? 'inspector' : 'supervisor';
      const eligible = campaigns.filter((c) => day >= c.startDay && day <= c.endDay && c.sectors.includes(s.sector));
      const insp: InspectionPlan = {
        key: all.length,
        subject: s,
        day,
        version: `${s.major}.${s.minor + 2 * idx}.${rng.int(0, 5)}`,
        method,
        campaign: eligible.length && rng.chance(0.8) ? rng.pick(eligible) : null,
        inspector,
        source: auto ? 'autotest' : null,
        externalRef: auto ? `AT-${cal.day(day).replaceAll('-', '')}-${String(++imported).padStart(4, '0')}` : null,
        findingCount: Number(rng.weighted({ 1: 20, 2: 38, 3: 27, 4: 15 })),
        findings: [],
      };
      s.inspections.push(insp);
      all.push(insp);
    });
  }
  return all.sort((a, b) => a.day - b.day || a.subject.key - b.subject.key).map((x, i) => ((x.key = i), x));
}

/** About fifteen renames between inspections, and two notified apps renamed after being named. */
export function applyRenames(ctx: BuildContext, subjects: SubjectPlan[], namer: Namer): void {
  const { rng } = ctx;
  const rename = (s: SubjectPlan, day: number) => {
    const current = s.names[s.names.length - 1]!;
    const old = namer.name(s.sector, s.kind, s.operator.brand).name;
    // The name used so far becomes `old`; the current one starts on `day`.
    s.names = [...s.names.slice(0, -1), { name: old, fromDay: current.fromDay, toDay: day }, { name: s.name, fromDay: day, toDay: null }];
  };
  const normal = rng.shuffle(subjects.filter((s) => s.story === 'normal' && s.kind !== 'sdk' && s.inspections.length >= 2));
  for (const s of normal.slice(0, 15)) {
    const first = s.inspections[0]!.day;
    const last = s.inspections[s.inspections.length - 1]!.day;
    rename(s, rng.int(first + 1, last - 1));
  }
  const notified = rng.shuffle(subjects.filter((s) => s.story === 'notified'));
  for (const s of notified.slice(0, 2)) rename(s, rng.int(NOTICE_DAYS.rectification + 3, -2));
}
