CREATE TABLE "job_workers" (
	"worker_id" text PRIMARY KEY NOT NULL,
	"beat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vc_create_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb,
	"swept_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "vc_rooms" ADD COLUMN "deletion_claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vc_create_intents" ADD CONSTRAINT "vc_create_intents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;