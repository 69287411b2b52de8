CREATE UNLOGGED TABLE "import_staging" (
	"job_id" integer NOT NULL,
	"line" integer NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"inspected_on" date NOT NULL,
	"inspection_key" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_name" text NOT NULL,
	"platform" text NOT NULL,
	"key_type" text NOT NULL,
	"key_value" text NOT NULL,
	"store" text NOT NULL,
	"version" text NOT NULL,
	"package_name" text NOT NULL,
	"bundle_id" text NOT NULL,
	"mini_program_appid" text NOT NULL,
	"filing_number" text NOT NULL,
	"filing_root" text NOT NULL,
	"cert_sha256" text NOT NULL,
	"operator_name" text NOT NULL,
	"operator_uscc" text NOT NULL,
	"region" text NOT NULL,
	"sector" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"evidence_sha256" text NOT NULL,
	"evidence_url" text NOT NULL,
	"campaign" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "phase" text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "file_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "progress" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "runner" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;