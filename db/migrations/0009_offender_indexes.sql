DROP INDEX IF EXISTS "findings_inspection_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "findings_inspection_category_idx" ON "findings" USING btree ("inspection_id","category");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "offender_flags_confirmed_operator_idx" ON "offender_flags" USING btree ("operator_id") WHERE "offender_flags"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "offender_flags_confirmed_subject_idx" ON "offender_flags" USING btree ("subject_id") WHERE "offender_flags"."status" = 'confirmed';