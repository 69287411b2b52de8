-- Operators' contacts (DESIGN §9). The drizzle migrators (PGlite and node-postgres) apply every
-- pending migration in ONE transaction: Postgres ≥ 12 allows ADD VALUE there, but the new value may
-- not be used before that transaction commits, so no statement of this or a later migration names
-- 'operator_contact' (the seed and the application use it only after the migration committed).
ALTER TYPE "public"."role" ADD VALUE IF NOT EXISTS 'operator_contact';--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "operator_contacts" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"operator_id" integer NOT NULL,
	"invited_by_user_id" integer,
	"invited_by_token_id" integer,
	"activation_hash" text,
	"activation_expires_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operator_contacts_activation_hash_unique" UNIQUE("activation_hash"),
	CONSTRAINT "operator_contacts_activation" CHECK (("operator_contacts"."activated_at" IS NULL) = ("operator_contacts"."activation_hash" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operator_contacts" ADD CONSTRAINT "operator_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_contacts" ADD CONSTRAINT "operator_contacts_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_contacts" ADD CONSTRAINT "operator_contacts_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_contacts" ADD CONSTRAINT "operator_contacts_invited_by_token_id_api_tokens_id_fk" FOREIGN KEY ("invited_by_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "operator_contacts_operator_idx" ON "operator_contacts" USING btree ("operator_id");