DROP INDEX "subject_identifiers_subject_type_value_uq";--> statement-breakpoint
DROP INDEX "case_events_case_idx";--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "revision" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "notice_entries" ADD COLUMN "categories" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subject_identifiers_subject_type_match_uq" ON "subject_identifiers" USING btree ("subject_id","type","match_value");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_names_one_current_uq" ON "subject_names" USING btree ("subject_id") WHERE "subject_names"."valid_to" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_case_revision_uq" ON "case_events" USING btree ("case_id","revision");--> statement-breakpoint
CREATE INDEX "case_events_at_idx" ON "case_events" USING btree ("at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_closed_when_final" CHECK (("cases"."state" IN ('verified','reinstated','withdrawn')) = ("cases"."closed_at" IS NOT NULL));