import { pgEnum } from 'drizzle-orm/pg-core';

// Every closed vocabulary of DESIGN.md lives here once; zod schemas, forms and URL parsers derive from these.
// `operator_contact` (DESIGN §1, §9): an operator's named person, who signs in to the portal only.
export const roleEnum = pgEnum('role', ['inspector', 'supervisor', 'admin', 'operator_contact']);
export const subjectKindEnum = pgEnum('subject_kind', ['app', 'mini_program', 'quick_app', 'sdk']);
export const platformEnum = pgEnum('platform', [
  'android', 'ios', 'harmony',
  'wechat', 'alipay', 'douyin', 'baidu', 'kuaishou', 'qq',
]);
export const identifierTypeEnum = pgEnum('identifier_type', [
  'package_name', 'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256',
]);
export const inspectionMethodEnum = pgEnum('inspection_method', [
  'technical_test', 'manual_review', 'undercover', 'complaint', 'platform_report',
]);
export const severityEnum = pgEnum('severity', ['low', 'medium', 'high', 'critical']);
export const caseStateEnum = pgEnum('case_state', [
  'open', 'ordered', 'rectified', 'verified', 'notified', 'removed', 'reinstated', 'withdrawn',
]);
export const retestResultEnum = pgEnum('retest_result', ['passed', 'failed']);
export const flagRuleEnum = pgEnum('flag_rule', [
  'operator_recurrence', 'subject_recidivism', 'evasion', 'multi_line',
]);
export const flagStatusEnum = pgEnum('flag_status', ['open', 'confirmed', 'dismissed']);
export const escalationEnum = pgEnum('escalation', ['interview', 'credit_record', 'penalty_referral']);
export const noticeKindEnum = pgEnum('notice_kind', ['rectification', 'removal']);
export const noticeStatusEnum = pgEnum('notice_status', ['draft', 'approved', 'published']);
export const importStatusEnum = pgEnum('import_status', ['queued', 'running', 'succeeded', 'failed', 'cancelled']);
/** A campaign's life (DESIGN §2): planned → active → closed; a closed campaign takes no new inspections. */
export const campaignStatusEnum = pgEnum('campaign_status', ['planned', 'active', 'closed']);
export const importFormatEnum = pgEnum('import_format', ['csv', 'ndjson']);
