-- The case list's default order (opened_at DESC, id DESC) as one index, so its first page stops after 51 rows
-- even when thousands of cases share an opened_at (an import opens them in one transaction): issue #18.
CREATE INDEX "cases_opened_id_idx" ON "cases" USING btree ("opened_at","id");--> statement-breakpoint
DROP INDEX "cases_opened_idx";
