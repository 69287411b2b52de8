CREATE TYPE "public"."case_state" AS ENUM('open', 'ordered', 'rectified', 'verified', 'notified', 'removed', 'reinstated', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."escalation" AS ENUM('interview', 'credit_record', 'penalty_referral');--> statement-breakpoint
CREATE TYPE "public"."flag_rule" AS ENUM('operator_recurrence', 'subject_recidivism', 'evasion', 'multi_line');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."identifier_type" AS ENUM('package_name', 'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256');--> statement-breakpoint
CREATE TYPE "public"."import_format" AS ENUM('csv', 'ndjson');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."inspection_method" AS ENUM('technical_test', 'manual_review', 'undercover', 'complaint', 'platform_report');--> statement-breakpoint
CREATE TYPE "public"."notice_kind" AS ENUM('rectification', 'removal');--> statement-breakpoint
CREATE TYPE "public"."notice_status" AS ENUM('draft', 'approved', 'published');--> statement-breakpoint
CREATE TYPE "public"."platform" AS ENUM('android', 'ios', 'harmony', 'wechat', 'alipay', 'douyin', 'baidu', 'kuaishou', 'qq');--> statement-breakpoint
CREATE TYPE "public"."retest_result" AS ENUM('passed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('inspector', 'supervisor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."subject_kind" AS ENUM('app', 'mini_program', 'quick_app', 'sdk');--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" text PRIMARY KEY NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "violation_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"legal_basis_zh" text DEFAULT '' NOT NULL,
	"legal_basis_en" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "operators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"region" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operators_uscc_unique" UNIQUE("uscc"),
	CONSTRAINT "operators_uscc_format" CHECK ("operators"."uscc" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$')
);
--> statement-breakpoint
CREATE TABLE "store_listings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "store_listings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_id" integer NOT NULL,
	"store" text NOT NULL,
	"version_seen" text,
	"seen_on" date
);
--> statement-breakpoint
CREATE TABLE "subject_identifiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_identifiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_id" integer NOT NULL,
	"type" "identifier_type" NOT NULL,
	"value" text NOT NULL,
	"match_value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_id" integer NOT NULL,
	"other_subject_id" integer NOT NULL,
	"verdict" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_links_ordered_pair" CHECK ("subject_links"."subject_id" < "subject_links"."other_subject_id"),
	CONSTRAINT "subject_links_verdict" CHECK ("subject_links"."verdict" IN ('same','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "subject_names" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_names_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_id" integer NOT NULL,
	"name" text NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subjects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"operator_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_platform_fits_kind" CHECK (("subjects"."kind" IN ('app','quick_app','sdk') AND "subjects"."platform" IN ('android','ios','harmony'))
        OR ("subjects"."kind" = 'mini_program' AND "subjects"."platform" IN ('wechat','alipay','douyin','baidu','kuaishou','qq')))
);
--> statement-breakpoint
CREATE TABLE "campaign_sectors" (
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	CONSTRAINT "campaign_sectors_campaign_id_sector_pk" PRIMARY KEY("campaign_id","sector")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_code_unique" UNIQUE("code"),
	CONSTRAINT "campaigns_dates" CHECK ("campaigns"."ends_on" >= "campaigns"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"sha256" text PRIMARY KEY NOT NULL,
	"byte_size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"storage_path" text,
	"source_url" text,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_sha256_hex" CHECK ("evidence"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_size" CHECK ("evidence"."byte_size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "finding_evidence" (
	"finding_id" integer NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "finding_evidence_finding_id_sha256_pk" PRIMARY KEY("finding_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inspection_id" integer NOT NULL,
	"category" text NOT NULL,
	"severity" "severity" NOT NULL,
	"description" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text,
	"external_id" text,
	CONSTRAINT "findings_source_pair" CHECK (("findings"."source" IS NULL) = ("findings"."external_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_id" integer NOT NULL,
	"version" text NOT NULL,
	"inspected_on" date NOT NULL,
	"method" "inspection_method" NOT NULL,
	"campaign_id" integer,
	"inspector_id" integer,
	"token_id" integer,
	"source" text,
	"external_ref" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_source_pair" CHECK (("inspections"."source" IS NULL) = ("inspections"."external_ref" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "case_event_evidence" (
	"event_id" integer NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "case_event_evidence_event_id_sha256_pk" PRIMARY KEY("event_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"from_state" "case_state",
	"to_state" "case_state" NOT NULL,
	"actor_user_id" integer,
	"actor_token_id" integer,
	"reason" text DEFAULT '' NOT NULL,
	"deadline" date,
	"version" text,
	"notice_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_id" integer NOT NULL,
	"inspection_id" integer NOT NULL,
	"state" "case_state" DEFAULT 'open' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"deadline" date,
	"found_version" text NOT NULL,
	"claimed_version" text,
	"retest_version" text,
	"previous_case_id" integer,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_ordered_at" timestamp with time zone,
	"first_notified_at" timestamp with time zone,
	"first_removed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_revision_positive" CHECK ("cases"."revision" >= 1),
	CONSTRAINT "cases_deadline_when_ordered" CHECK ("cases"."state" NOT IN ('ordered','notified') OR "cases"."deadline" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "retests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"event_id" integer,
	"version" text NOT NULL,
	"result" "retest_result" NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"tested_by" integer,
	"tested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "takedowns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "takedowns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"store" text NOT NULL,
	"taken_down_on" date NOT NULL,
	"confirmed_by" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offender_flags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "offender_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule" "flag_rule" NOT NULL,
	"target_key" text NOT NULL,
	"operator_id" integer,
	"subject_id" integer,
	"campaign_id" integer,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"weight" integer DEFAULT 0 NOT NULL,
	"explanation" jsonb NOT NULL,
	"evidence_key" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"first_raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	"escalation" "escalation",
	"reviewed_evidence_key" text,
	CONSTRAINT "offender_flags_target" CHECK ("offender_flags"."operator_id" IS NOT NULL OR "offender_flags"."subject_id" IS NOT NULL),
	CONSTRAINT "offender_flags_confirm_escalation" CHECK ("offender_flags"."status" <> 'confirmed' OR "offender_flags"."escalation" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "offender_rules" (
	"rule" "flag_rule" PRIMARY KEY NOT NULL,
	"threshold" integer NOT NULL,
	"window_months" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offender_rules_threshold" CHECK ("offender_rules"."threshold" >= 1),
	CONSTRAINT "offender_rules_window" CHECK ("offender_rules"."window_months" >= 1)
);
--> statement-breakpoint
CREATE TABLE "notice_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"notice_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"position" integer NOT NULL,
	"case_revision" integer NOT NULL,
	"app_name" text,
	"operator_name" text,
	"source" text,
	"version" text,
	"filing_number" text,
	"region" text,
	"problems" text,
	"deadline" date
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "notice_kind" NOT NULL,
	"status" "notice_status" DEFAULT 'draft' NOT NULL,
	"slug" text,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"intro_zh" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"deadline" date,
	"year" integer,
	"batch_in_year" integer,
	"batch_overall" integer,
	"corrects_notice_id" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" integer NOT NULL,
	"approved_by" integer,
	"published_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "notices_slug_unique" UNIQUE("slug"),
	CONSTRAINT "notices_four_eyes" CHECK ("notices"."approved_by" IS NULL OR "notices"."approved_by" <> "notices"."created_by"),
	CONSTRAINT "notices_published_numbered" CHECK ("notices"."status" <> 'published' OR ("notices"."slug" IS NOT NULL AND "notices"."year" IS NOT NULL AND "notices"."batch_in_year" IS NOT NULL AND "notices"."batch_overall" IS NOT NULL AND "notices"."published_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" "import_status" DEFAULT 'queued' NOT NULL,
	"format" "import_format" NOT NULL,
	"filename" text DEFAULT '' NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"created_by" integer,
	"token_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_rejections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_id" integer NOT NULL,
	"line" integer NOT NULL,
	"column" text NOT NULL,
	"reason" text NOT NULL,
	"raw" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seq" bigint DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_token_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_events_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_listings" ADD CONSTRAINT "store_listings_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_identifiers" ADD CONSTRAINT "subject_identifiers_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_links" ADD CONSTRAINT "subject_links_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_links" ADD CONSTRAINT "subject_links_other_subject_id_subjects_id_fk" FOREIGN KEY ("other_subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_links" ADD CONSTRAINT "subject_links_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_names" ADD CONSTRAINT "subject_names_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_sector_sectors_code_fk" FOREIGN KEY ("sector") REFERENCES "public"."sectors"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sectors" ADD CONSTRAINT "campaign_sectors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sectors" ADD CONSTRAINT "campaign_sectors_sector_sectors_code_fk" FOREIGN KEY ("sector") REFERENCES "public"."sectors"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_category_violation_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."violation_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event_evidence" ADD CONSTRAINT "case_event_evidence_event_id_case_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event_evidence" ADD CONSTRAINT "case_event_evidence_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_previous_case_id_cases_id_fk" FOREIGN KEY ("previous_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retests" ADD CONSTRAINT "retests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retests" ADD CONSTRAINT "retests_event_id_case_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retests" ADD CONSTRAINT "retests_tested_by_users_id_fk" FOREIGN KEY ("tested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedowns" ADD CONSTRAINT "takedowns_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedowns" ADD CONSTRAINT "takedowns_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offender_flags" ADD CONSTRAINT "offender_flags_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offender_flags" ADD CONSTRAINT "offender_flags_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offender_flags" ADD CONSTRAINT "offender_flags_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offender_flags" ADD CONSTRAINT "offender_flags_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offender_rules" ADD CONSTRAINT "offender_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_entries" ADD CONSTRAINT "notice_entries_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_entries" ADD CONSTRAINT "notice_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_corrects_notice_id_notices_id_fk" FOREIGN KEY ("corrects_notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejections" ADD CONSTRAINT "import_rejections_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_created_by_idx" ON "api_tokens" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "operators_name_trgm" ON "operators" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "operators_region_idx" ON "operators" USING btree ("region");--> statement-breakpoint
CREATE UNIQUE INDEX "store_listings_subject_store_uq" ON "store_listings" USING btree ("subject_id","store");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_identifiers_subject_type_value_uq" ON "subject_identifiers" USING btree ("subject_id","type","value");--> statement-breakpoint
CREATE INDEX "subject_identifiers_match_idx" ON "subject_identifiers" USING btree ("type","match_value");--> statement-breakpoint
CREATE INDEX "subject_identifiers_value_trgm" ON "subject_identifiers" USING gin ("value" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "subject_links_pair_uq" ON "subject_links" USING btree ("subject_id","other_subject_id");--> statement-breakpoint
CREATE INDEX "subject_links_other_idx" ON "subject_links" USING btree ("other_subject_id");--> statement-breakpoint
CREATE INDEX "subject_names_subject_idx" ON "subject_names" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "subject_names_name_trgm" ON "subject_names" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "subjects_name_trgm" ON "subjects" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "subjects_operator_idx" ON "subjects" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "subjects_sector_id_idx" ON "subjects" USING btree ("sector","id");--> statement-breakpoint
CREATE INDEX "subjects_kind_platform_id_idx" ON "subjects" USING btree ("kind","platform","id");--> statement-breakpoint
CREATE INDEX "finding_evidence_sha_idx" ON "finding_evidence" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_source_external_uq" ON "findings" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "findings_inspection_idx" ON "findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "findings_category_idx" ON "findings" USING btree ("category");--> statement-breakpoint
CREATE INDEX "findings_detected_idx" ON "findings" USING btree ("detected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_source_ref_uq" ON "inspections" USING btree ("source","external_ref");--> statement-breakpoint
CREATE INDEX "inspections_subject_idx" ON "inspections" USING btree ("subject_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_campaign_idx" ON "inspections" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "inspections_date_idx" ON "inspections" USING btree ("inspected_on");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_inspection_uq" ON "cases" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "cases_subject_idx" ON "cases" USING btree ("subject_id","opened_at");--> statement-breakpoint
CREATE INDEX "cases_state_id_idx" ON "cases" USING btree ("state","id");--> statement-breakpoint
CREATE INDEX "cases_deadline_idx" ON "cases" USING btree ("deadline") WHERE "cases"."state" IN ('ordered','notified');--> statement-breakpoint
CREATE INDEX "cases_opened_idx" ON "cases" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "cases_previous_idx" ON "cases" USING btree ("previous_case_id");--> statement-breakpoint
CREATE INDEX "retests_case_idx" ON "retests" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "takedowns_case_store_uq" ON "takedowns" USING btree ("case_id","store");--> statement-breakpoint
CREATE UNIQUE INDEX "offender_flags_rule_target_uq" ON "offender_flags" USING btree ("rule","target_key");--> statement-breakpoint
CREATE INDEX "offender_flags_queue_idx" ON "offender_flags" USING btree ("status","weight");--> statement-breakpoint
CREATE INDEX "offender_flags_operator_idx" ON "offender_flags" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "offender_flags_subject_idx" ON "offender_flags" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_entries_notice_case_uq" ON "notice_entries" USING btree ("notice_id","case_id");--> statement-breakpoint
CREATE INDEX "notice_entries_case_idx" ON "notice_entries" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_batch_overall_uq" ON "notices" USING btree ("batch_overall");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_year_batch_uq" ON "notices" USING btree ("year","batch_in_year");--> statement-breakpoint
CREATE INDEX "notices_status_published_idx" ON "notices" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "import_rejections_job_idx" ON "import_rejections" USING btree ("job_id","line");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");