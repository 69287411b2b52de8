CREATE TABLE "sign_in_attempts" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_attempts_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "sign_in_attempts_scope" CHECK ("sign_in_attempts"."scope" in ('account', 'address'))
);
