import { z } from 'zod';
import { platformEnum, severityEnum, subjectKindEnum } from '@/db/schema/enums';
import { normaliseCertSha256 } from '@/lib/domain/identifiers';
import { platformsFor, usccSchema } from '@/lib/registry/schemas';
import { regionKey } from '@/lib/regions/sql';
import { officeToday } from '@/lib/time';

/**
 * The taxonomy codes and campaign codes a job accepts, read once per job (lib/imports/vocabulary.ts),
 * and those it refuses by name: retired sectors and categories, closed campaigns (new input never uses them).
 */
export interface ImportVocabulary {
  sectors: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  campaigns: ReadonlySet<string>;
  /** Store codes (absent: any store text is taken as it is). */
  stores?: ReadonlySet<string>;
  /** Region codes and exact names (region_aliases.exact, by regionKey) → live division codes (absent: any text is taken). */
  regions?: { codes: ReadonlySet<string>; retired: ReadonlySet<string>; names: ReadonlyMap<string, string> };
  retired?: { sectors?: ReadonlySet<string>; categories?: ReadonlySet<string>; campaigns?: ReadonlySet<string>; stores?: ReadonlySet<string> };
}

const required = (max: number) =>
  z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);
const optional = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
/** Package names, bundle ids and appids: no whitespace inside. */
const token = (max: number) => optional(max).regex(/^\S*$/, 'No spaces inside an identifier.');

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/**
 * ISO 8601 date or date-time. A date, or a time without offset, is office time (UTC+8, no DST).
 * Becomes the instant (detected_at) and the office calendar date (the inspection's date).
 */
const detectedAt = z
  .string()
  .trim()
  .min(1, 'Required.')
  .transform((s, ctx) => {
    let iso: string | null = null;
    if (DATE_ONLY.test(s)) iso = `${s}T00:00:00+08:00`;
    else if (DATE_TIME.test(s)) iso = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s.replace(' ', 'T') : `${s.replace(' ', 'T')}+08:00`;
    const date = iso ? new Date(iso) : null;
    // The calendar part must survive the round trip (no 2026-02-30).
    const calendar = s.slice(0, 10);
    const real = date && !Number.isNaN(date.getTime()) && new Date(`${calendar}T12:00:00Z`).toISOString().startsWith(calendar);
    if (!real) {
      ctx.addIssue({ code: 'custom', message: 'Not an ISO 8601 date or date-time (e.g. 2026-05-01 or 2026-05-01T09:30:00+08:00).' });
      return z.NEVER;
    }
    if (date.getTime() > Date.now() + FUTURE_SLACK_MS) {
      ctx.addIssue({ code: 'custom', message: 'The detection time is in the future.' });
      return z.NEVER;
    }
    return { instant: date.toISOString(), officeDate: officeToday(date) };
  });

const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]], { error: `One of: ${values.join(', ')}.` });

const inSet = (set: ReadonlySet<string>, what: string, allowEmpty = false, gone?: { set?: ReadonlySet<string>; why: string }) =>
  z.string().trim().refine((v) => (allowEmpty && v === '') || set.has(v), {
    error: (iss) => (gone?.set?.has(String(iss.input).trim()) ? `The ${what} "${String(iss.input).trim()}" is ${gone.why}.` : `Unknown ${what} "${String(iss.input)}".`),
  });

/** A division code, or the exact name of one division (南山区 is two; 广东省深圳市南山区 is one) → its code. */
const regionColumn = (regions: NonNullable<ImportVocabulary['regions']>) =>
  required(100).transform((v, ctx) => {
    if (regions.codes.has(v)) return v;
    if (regions.retired.has(v)) {
      ctx.addIssue({ code: 'custom', message: `The region ${v} is retired: it takes no new input.` });
      return z.NEVER;
    }
    const code = regions.names.get(regionKey(v));
    if (code) return code;
    ctx.addIssue({ code: 'custom', message: `Unknown region "${v}": a GB/T 2260 division code or the exact name of one division (e.g. 440305 or 广东省深圳市南山区).` });
    return z.NEVER;
  });

/**
 * The one row schema of DESIGN §7 for a job's vocabulary. Which identifiers a row needs:
 *  - a mini program: `mini_program_appid` (the subject is matched by it on its host platform);
 *  - an app, quick app or SDK: `package_name` or `bundle_id` (iOS: bundle_id first).
 * `filing_number` and `cert_sha256` are kept as identifiers (they feed the evasion rule) but are never
 * enough on their own: a filing root and a signing certificate are shared by every app of one filer.
 */
export function importRowSchema(vocabulary: ImportVocabulary) {
  return z
    .object({
      source: required(100),
      external_id: required(200),
      detected_at: detectedAt,
      inspection_ref: optional(200),
      subject_kind: oneOf(subjectKindEnum.enumValues),
      subject_name: required(200),
      platform: oneOf(platformEnum.enumValues),
      store: vocabulary.stores ? inSet(vocabulary.stores, 'store code', true, { set: vocabulary.retired?.stores, why: 'retired: it takes no new input' }) : optional(40),
      version: required(100),
      package_name: token(200),
      bundle_id: token(200),
      mini_program_appid: token(100),
      filing_number: optional(100),
      cert_sha256: optional(200).transform((v) => (v ? normaliseCertSha256(v) : ''))
        .refine((v) => v === '' || /^[0-9a-f]{64}$/.test(v), 'A certificate fingerprint is 64 hex digits (SHA-256).'),
      operator_name: required(200),
      operator_uscc: usccSchema,
      region: vocabulary.regions ? regionColumn(vocabulary.regions) : required(100),
      sector: inSet(vocabulary.sectors, 'sector code', false, { set: vocabulary.retired?.sectors, why: 'retired: it takes no new input' }),
      category: inSet(vocabulary.categories, 'violation category code', false, { set: vocabulary.retired?.categories, why: 'retired: it takes no new input' }),
      severity: oneOf(severityEnum.enumValues),
      description: required(4000),
      evidence_sha256: optional(64).transform((v) => v.toLowerCase())
        .refine((v) => v === '' || /^[0-9a-f]{64}$/.test(v), 'An evidence reference is a SHA-256 (64 hex digits).'),
      evidence_url: optional(2000).refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'An http(s) URL.'),
      campaign: inSet(vocabulary.campaigns, 'campaign code', true, { set: vocabulary.retired?.campaigns, why: 'closed: it takes no new inspections' }),
    })
    .superRefine((r, ctx) => {
      const kind = r.subject_kind as (typeof subjectKindEnum.enumValues)[number] | undefined;
      if (kind && subjectKindEnum.enumValues.includes(kind)) {
        const fits = platformsFor(kind) as readonly string[];
        if (typeof r.platform === 'string' && platformEnum.enumValues.includes(r.platform as never) && !fits.includes(r.platform)) {
          ctx.addIssue({ code: 'custom', path: ['platform'], message: `A ${kind} runs on ${fits.join(', ')}, not ${r.platform}.` });
        }
        if (kind === 'mini_program' && !r.mini_program_appid) {
          ctx.addIssue({ code: 'custom', path: ['mini_program_appid'], message: 'A mini program needs its mini_program_appid.' });
        }
        if (kind !== 'mini_program' && !r.package_name && !r.bundle_id) {
          ctx.addIssue({ code: 'custom', path: ['package_name'], message: `A ${kind} needs a package_name or a bundle_id.` });
        }
      }
      if (r.evidence_url && !r.evidence_sha256) {
        ctx.addIssue({ code: 'custom', path: ['evidence_sha256'], message: 'evidence_url needs the evidence_sha256 it refers to.' });
      }
    });
}
export type ImportRow = z.output<ReturnType<typeof importRowSchema>>;

/** The identifier a row's subject is matched by (type and match value), per the rule above. */
export function subjectKey(r: ImportRow): { type: string; value: string } {
  if (r.subject_kind === 'mini_program') return { type: 'mini_program_appid', value: r.mini_program_appid };
  if (r.platform === 'ios' && r.bundle_id) return { type: 'bundle_id', value: r.bundle_id };
  return r.package_name ? { type: 'package_name', value: r.package_name } : { type: 'bundle_id', value: r.bundle_id };
}
