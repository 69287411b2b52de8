CREATE TABLE IF NOT EXISTS "case_extensions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_extensions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"from_deadline" date NOT NULL,
	"until" date NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" integer,
	"actor_token_id" integer,
	"portal_action_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_extensions_later" CHECK ("case_extensions"."until" > "case_extensions"."from_deadline"),
	CONSTRAINT "case_extensions_actor" CHECK (("case_extensions"."actor_user_id" IS NULL) <> ("case_extensions"."actor_token_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "portal_action_evidence" (
	"action_id" integer NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "portal_action_evidence_action_id_sha256_pk" PRIMARY KEY("action_id","sha256")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "portal_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"contact_user_id" integer NOT NULL,
	"finding_id" integer,
	"until" date,
	"version" text,
	"body" text DEFAULT '' NOT NULL,
	"case_event_id" integer,
	"status" text NOT NULL,
	"decided_by_user_id" integer,
	"decided_by_token_id" integer,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_actions_kind" CHECK ("portal_actions"."kind" IN ('acknowledge','report','extension','objection')),
	CONSTRAINT "portal_actions_status" CHECK ("portal_actions"."status" IN ('done','pending','granted','refused','finding_upheld','case_withdrawn')),
	CONSTRAINT "portal_actions_until" CHECK (("portal_actions"."kind" = 'extension') = ("portal_actions"."until" IS NOT NULL)),
	CONSTRAINT "portal_actions_finding" CHECK (("portal_actions"."kind" = 'objection') = ("portal_actions"."finding_id" IS NOT NULL)),
	CONSTRAINT "portal_actions_status_of_kind" CHECK (CASE "portal_actions"."kind" WHEN 'extension' THEN "portal_actions"."status" IN ('pending','granted','refused') WHEN 'objection' THEN "portal_actions"."status" IN ('pending','finding_upheld','case_withdrawn') ELSE "portal_actions"."status" = 'done' END),
	CONSTRAINT "portal_actions_decided" CHECK (("portal_actions"."decided_at" IS NOT NULL) = ("portal_actions"."status" IN ('granted','refused','finding_upheld','case_withdrawn')))
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "portal_uploads" (
	"user_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_uploads_user_id_sha256_pk" PRIMARY KEY("user_id","sha256")
);
--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_portal_action_id_portal_actions_id_fk" FOREIGN KEY ("portal_action_id") REFERENCES "public"."portal_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_action_evidence" ADD CONSTRAINT "portal_action_evidence_action_id_portal_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."portal_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_action_evidence" ADD CONSTRAINT "portal_action_evidence_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_actions" ADD CONSTRAINT "portal_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_actions" ADD CONSTRAINT "portal_actions_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_actions" ADD CONSTRAINT "portal_actions_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_actions" ADD CONSTRAINT "portal_actions_case_event_id_case_events_id_fk" FOREIGN KEY ("case_event_id") REFERENCES "public"."case_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_actions" ADD CONSTRAINT "portal_actions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_actions" ADD CONSTRAINT "portal_actions_decided_by_token_id_api_tokens_id_fk" FOREIGN KEY ("decided_by_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_uploads" ADD CONSTRAINT "portal_uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_uploads" ADD CONSTRAINT "portal_uploads_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "case_extensions_case_idx" ON "case_extensions" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "portal_actions_case_idx" ON "portal_actions" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "portal_actions_pending_idx" ON "portal_actions" USING btree ("kind","created_at") WHERE "portal_actions"."status" = 'pending';