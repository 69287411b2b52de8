/** Operators and subjects: names, USCCs, identifiers and store listings (DESIGN §2). */
import { withUsccCheckDigit } from '../../lib/domain/uscc';
import { BRANDS, DISTRICTS, OPERATOR_SUFFIX, PERSON_NAMES, PRODUCT_WORDS, REGIONS, SDK_WORDS, SHOP_NAMES } from './names';
import type { BuildContext, IdentifierType, Kind, OperatorPlan, Platform, SubjectPlan } from './plan';
import type { Rng } from './random';
import { SECTORS } from './taxonomy';

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** An organisation code (GB 11714): 8 characters and its mod-11 check character. */
function organisationCode(rng: Rng): string {
  const body = rng.chance(0.6) ? `MA${rng.chars(ORG_CHARS, 6)}` : rng.chars('0123456789', 8);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    sum += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

export const SUBJECT_SECTOR_WEIGHTS: Record<string, number> = {
  restaurant: 40, parking: 30, training: 30, retail: 30, finance: 25, real_estate: 18, auto_dealer: 15,
  power_bank: 15, live_commerce: 22, short_drama: 22, transport: 18, other: 35,
};

const KIND_WEIGHTS: Record<string, Partial<Record<Kind, number>>> = {
  restaurant: { mini_program: 80, app: 20 },
  parking: { mini_program: 75, app: 25 },
  training: { app: 50, mini_program: 50 },
  retail: { app: 50, mini_program: 50 },
  finance: { app: 80, mini_program: 10, sdk: 10 },
  real_estate: { app: 60, mini_program: 40 },
  auto_dealer: { mini_program: 60, app: 40 },
  power_bank: { mini_program: 75, app: 25 },
  live_commerce: { app: 70, mini_program: 30 },
  short_drama: { app: 40, mini_program: 40, quick_app: 20 },
  transport: { app: 70, mini_program: 30 },
  other: { app: 55, sdk: 30, quick_app: 15 },
};

function platformFor(rng: Rng, kind: Kind, sector: string): Platform {
  if (kind === 'mini_program') {
    if (sector === 'short_drama') return rng.weighted<Platform>({ douyin: 45, wechat: 30, kuaishou: 20, baidu: 5 });
    if (sector === 'parking' || sector === 'power_bank') return rng.weighted<Platform>({ wechat: 55, alipay: 40, douyin: 5 });
    return rng.weighted<Platform>({ wechat: 60, alipay: 22, douyin: 8, baidu: 4, kuaishou: 3, qq: 3 });
  }
  if (kind === 'quick_app') return rng.weighted<Platform>({ android: 85, harmony: 15 });
  if (kind === 'sdk') return rng.weighted<Platform>({ android: 70, ios: 30 });
  return rng.weighted<Platform>({ android: 60, ios: 28, harmony: 12 });
}

export function makeOperator(
  rng: Rng, key: number, brand: { zh: string; py: string }, sector: string, usccs: Set<string>,
): OperatorPlan {
  const region = rng.pick(REGIONS);
  let uscc: string;
  do {
    uscc = withUsccCheckDigit(`91${region.division}${organisationCode(rng)}`);
  } while (usccs.has(uscc));
  usccs.add(uscc);
  const serial = rng.chance(0.7) ? `${rng.int(2016, 2024)}${rng.chars('0123456789', 6)}` : `1${rng.chars('0123456789', 7)}`;
  return {
    key,
    name: `${region.city}${brand.zh}${rng.pick(OPERATOR_SUFFIX[sector]!)}`,
    brand,
    sector,
    uscc,
    region,
    contact: `${rng.pick(PERSON_NAMES)}（个人信息保护负责人）pi@${brand.py}.example`,
    filingRoot: `${region.filing}ICP备${serial}号`,
    nextFiling: rng.int(2, 4),
    createdDay: -rng.int(500, 3000),
  };
}

/** `count` operators, the first twelve one per sector; `usccs` collects the codes used. */
export function buildOperators(ctx: BuildContext, count: number, usccs: Set<string>): OperatorPlan[] {
  const { rng } = ctx;
  const brands = rng.sample(BRANDS, count);
  return brands.map((brand, i) => {
    const sector = i < SECTORS.length ? SECTORS[i]!.code : rng.weighted(SUBJECT_SECTOR_WEIGHTS);
    return makeOperator(rng, i, brand, sector, usccs);
  });
}

/** Relative sizes: a few operators run many apps, most run a handful. */
function operatorWeights(rng: Rng, operators: OperatorPlan[]): Map<OperatorPlan, number> {
  return new Map(operators.map((o, i) => [o, (1 / Math.pow(i + 1, 0.7)) * (0.5 + rng.next())]));
}

/** Operators whose names fit any kind of product (a software house rather than a lender or a broker). */
const GENERALIST = /(信息技术|网络科技|软件|数字科技股份|电子商务)有限公司$/;

function pickOperator(rng: Rng, weights: Map<OperatorPlan, number>, sector: string): OperatorPlan {
  const all = [...weights.keys()];
  const same = all.filter((o) => o.sector === sector);
  const generalists = all.filter((o) => GENERALIST.test(o.name) && o.sector !== 'finance');
  const pool = same.length && rng.chance(0.75) ? same : generalists.length ? generalists : all;
  const total = pool.reduce((s, o) => s + weights.get(o)!, 0);
  let r = rng.next() * total;
  for (const o of pool) {
    r -= weights.get(o)!;
    if (r < 0) return o;
  }
  return pool[pool.length - 1]!;
}

export class Namer {
  readonly names = new Set<string>();
  readonly packages = new Set<string>();
  /** Product brands not used by any operator, so a product never carries another company's brand. */
  private readonly productBrands: readonly { zh: string; py: string }[];
  constructor(private readonly rng: Rng, operators: readonly OperatorPlan[]) {
    const taken = new Set(operators.map((o) => o.brand.py));
    this.productBrands = BRANDS.filter((b) => !taken.has(b.py));
  }

  /** A product name for `sector` and `kind`, unique in the demo; returns the name and a slug. */
  name(sector: string, kind: Kind, brand: { zh: string; py: string }): { name: string; brandPy: string; slug: string } {
    const rng = this.rng;
    for (let attempt = 0; ; attempt++) {
      const b = attempt < 3 && rng.chance(0.6) ? brand : rng.pick(this.productBrands);
      let zh: string;
      let slug: string;
      if (kind === 'sdk') {
        [zh, slug] = rng.pick(SDK_WORDS);
        zh = `${b.zh}${zh}`;
      } else {
        const [word, s] = rng.pick(PRODUCT_WORDS[sector]!);
        slug = s;
        if (sector === 'restaurant' && rng.chance(0.4)) zh = `${rng.pick(SHOP_NAMES)}${word}`;
        else if (sector === 'parking' && rng.chance(0.35)) zh = `${rng.pick(DISTRICTS)}${word}`;
        else zh = `${b.zh}${word}`;
        if (attempt > 6) zh += rng.pick(['极速版', 'Pro', 'Lite', '青春版', '商家版']);
      }
      if (!this.names.has(zh)) {
        this.names.add(zh);
        return { name: zh, brandPy: b.py, slug };
      }
    }
  }

  /** Reserves an exact name (made unique with a number if taken). */
  claim(name: string): string {
    let n = name;
    for (let i = 2; this.names.has(n); i++) n = `${name}${i}`;
    this.names.add(n);
    return n;
  }

  package(base: string): string {
    let p = base;
    for (let n = 2; this.packages.has(p); n++) p = `${base}${n}`;
    this.packages.add(p);
    return p;
  }
}

const ANDROID_STORES = { huawei: 80, xiaomi: 75, oppo: 65, vivo: 65, honor: 40, tencent: 45, baidu: 25 } as const;

function storesFor(rng: Rng, kind: Kind, platform: Platform): string[] {
  if (kind === 'sdk') return [];
  if (kind === 'mini_program') return [platform];
  if (platform === 'ios') return ['apple'];
  if (platform === 'harmony') return ['huawei'];
  const stores = Object.entries(ANDROID_STORES).filter(([, p]) => rng.next() * 100 < p).map(([s]) => s);
  if (kind === 'quick_app') {
    const centres = stores.filter((s) => ['huawei', 'xiaomi', 'oppo', 'vivo'].includes(s)).slice(0, 2);
    return centres.length ? centres : ['huawei'];
  }
  return stores.length ? stores : ['huawei'];
}

export function appId(rng: Rng, platform: Platform): string {
  switch (platform) {
    case 'wechat': return `wx${rng.hex(16)}`;
    case 'alipay': return `2021${rng.chars('0123456789', 12)}`;
    case 'douyin': return `tt${rng.hex(16)}`;
    case 'kuaishou': return `ks${rng.chars('0123456789', 18)}`;
    case 'qq': return `11${rng.chars('0123456789', 8)}`;
    default: return String(rng.int(10000000, 99999999));
  }
}

export function certSha256(rng: Rng): string {
  const hex = rng.hex(64);
  // Fingerprints are copied in both styles; match values normalise them.
  return rng.chance(0.5) ? hex.toUpperCase().match(/../g)!.join(':') : hex;
}

export function filingNumber(op: OperatorPlan, kind: Kind): string {
  const suffix = kind === 'mini_program' ? 'X' : kind === 'quick_app' ? 'K' : 'A';
  return `${op.filingRoot}-${op.nextFiling++}${suffix}`;
}

/** Identifiers fitting the kind and platform. */
export function identifiersFor(
  rng: Rng, namer: Namer, kind: Kind, platform: Platform, op: OperatorPlan, brandPy: string, slug: string,
): { type: IdentifierType; value: string }[] {
  const ids: { type: IdentifierType; value: string }[] = [];
  if (kind === 'mini_program') {
    ids.push({ type: 'mini_program_appid', value: appId(rng, platform) });
    if (rng.chance(0.9)) ids.push({ type: 'filing_number', value: filingNumber(op, kind) });
    return ids;
  }
  if (kind === 'sdk') {
    ids.push({ type: 'package_name', value: namer.package(`com.${brandPy}.sdk.${slug}`) });
    return ids;
  }
  if (platform === 'android') {
    const base = kind === 'quick_app' ? `com.${brandPy}.${slug}.quickapp` : `com.${brandPy}.${slug}`;
    ids.push({ type: 'package_name', value: namer.package(base) });
    if (kind === 'app') ids.push({ type: 'cert_sha256', value: certSha256(rng) });
  } else {
    const base = platform === 'harmony' ? `com.${brandPy}.${slug}.hmos` : `${rng.pick(['com', 'cn'])}.${brandPy}.${slug}`;
    ids.push({ type: 'bundle_id', value: namer.package(base) });
  }
  ids.push({ type: 'filing_number', value: filingNumber(op, kind) });
  return ids;
}

export function buildSubjects(ctx: BuildContext, operators: OperatorPlan[], namer: Namer, count: number): SubjectPlan[] {
  const { rng } = ctx;
  const weights = operatorWeights(rng, operators);
  const subjects: SubjectPlan[] = [];
  for (let i = 0; i < count; i++) {
    const sector = i < SECTORS.length ? SECTORS[i]!.code : rng.weighted(SUBJECT_SECTOR_WEIGHTS);
    const kind = rng.weighted<Kind>(KIND_WEIGHTS[sector]!);
    const platform = platformFor(rng, kind, sector);
    const operator = pickOperator(rng, weights, sector);
    const { name, brandPy, slug } = namer.name(sector, kind, operator.brand);
    subjects.push({
      key: i, kind, platform, sector, operator, name,
      names: [],
      identifiers: identifiersFor(rng, namer, kind, platform, operator, brandPy, slug),
      stores: storesFor(rng, kind, platform),
      createdDay: 0,
      major: rng.int(1, 8),
      minor: rng.int(0, 9),
      story: 'normal',
      inspections: [],
    });
  }
  return subjects;
}
