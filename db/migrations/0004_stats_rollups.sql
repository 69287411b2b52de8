CREATE TABLE "stats_case_flow" (
	"event_month" date NOT NULL,
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"opened" bigint DEFAULT 0 NOT NULL,
	"closed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_case_flow_event_month_campaign_id_sector_kind_platform_pk" PRIMARY KEY("event_month","campaign_id","sector","kind","platform")
);
--> statement-breakpoint
CREATE TABLE "stats_cases" (
	"month" date NOT NULL,
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"state" "case_state" NOT NULL,
	"deadline" date NOT NULL,
	"cases" bigint DEFAULT 0 NOT NULL,
	"ordered" bigint DEFAULT 0 NOT NULL,
	"notified" bigint DEFAULT 0 NOT NULL,
	"removed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_cases_month_campaign_id_sector_kind_platform_state_deadline_pk" PRIMARY KEY("month","campaign_id","sector","kind","platform","state","deadline")
);
--> statement-breakpoint
CREATE TABLE "stats_findings" (
	"month" date NOT NULL,
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"category" text NOT NULL,
	"findings" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_findings_month_campaign_id_sector_kind_platform_category_pk" PRIMARY KEY("month","campaign_id","sector","kind","platform","category")
);
--> statement-breakpoint
CREATE TABLE "stats_inspections" (
	"month" date NOT NULL,
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"inspections" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_inspections_month_campaign_id_sector_kind_platform_pk" PRIMARY KEY("month","campaign_id","sector","kind","platform")
);
--> statement-breakpoint
CREATE TABLE "stats_operator_cases" (
	"operator_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"cases" bigint DEFAULT 0 NOT NULL,
	"open_cases" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_operator_cases_operator_id_campaign_id_sector_kind_platform_pk" PRIMARY KEY("operator_id","campaign_id","sector","kind","platform")
);
--> statement-breakpoint
CREATE TABLE "stats_store_cases" (
	"month" date NOT NULL,
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"store" text NOT NULL,
	"cases" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_store_cases_month_campaign_id_sector_kind_platform_store_pk" PRIMARY KEY("month","campaign_id","sector","kind","platform","store")
);
--> statement-breakpoint
CREATE TABLE "stats_subjects" (
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"subjects" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_subjects_sector_kind_platform_pk" PRIMARY KEY("sector","kind","platform")
);
--> statement-breakpoint
CREATE TABLE "stats_verify_days" (
	"month" date NOT NULL,
	"campaign_id" integer NOT NULL,
	"sector" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"days" integer NOT NULL,
	"cases" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_verify_days_month_campaign_id_sector_kind_platform_days_pk" PRIMARY KEY("month","campaign_id","sector","kind","platform","days")
);
