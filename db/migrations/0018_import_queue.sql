-- Import jobs in a queue (lib/imports/queue, docs/decisions/0008): attempts of dead runners, cancellation,
-- the job's pg-boss entry. (pg-boss creates its own `pgboss` schema when the server starts.)
ALTER TYPE "public"."import_status" ADD VALUE IF NOT EXISTS 'cancelled';--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN IF NOT EXISTS "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN IF NOT EXISTS "cancel_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN IF NOT EXISTS "queue_job_id" uuid;
