CREATE INDEX "findings_inspection_category_idx" ON "findings" USING btree ("inspection_id","category");--> statement-breakpoint
DROP INDEX "findings_inspection_idx";