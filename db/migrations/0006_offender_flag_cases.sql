ALTER TABLE "offender_flags" ADD COLUMN "case_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "offender_flags" ADD COLUMN "reviewed_case_ids" integer[];