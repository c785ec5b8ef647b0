CREATE TABLE "vc_room_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"room_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"linked_event_id" integer,
	"contribution_id" integer,
	"block_id" integer,
	"show" boolean DEFAULT true NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vc_room_links_one_target" CHECK (num_nonnulls("vc_room_links"."linked_event_id", "vc_room_links"."contribution_id", "vc_room_links"."block_id") = 1),
	CONSTRAINT "vc_room_links_event_target_is_owner" CHECK ("vc_room_links"."linked_event_id" IS NULL OR "vc_room_links"."linked_event_id" = "vc_room_links"."event_id")
);
--> statement-breakpoint
CREATE TABLE "vc_rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"host_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deletion_requested_at" timestamp with time zone,
	"deletion_requested_by_id" integer,
	"deletion_error" text,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "vc_room_links" ADD CONSTRAINT "vc_room_links_room_id_vc_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."vc_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vc_room_links" ADD CONSTRAINT "vc_room_links_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vc_room_links" ADD CONSTRAINT "vc_room_links_linked_event_id_events_id_fk" FOREIGN KEY ("linked_event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vc_room_links" ADD CONSTRAINT "vc_room_links_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vc_room_links" ADD CONSTRAINT "vc_room_links_block_id_session_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."session_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vc_room_links" ADD CONSTRAINT "vc_room_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vc_rooms" ADD CONSTRAINT "vc_rooms_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vc_rooms" ADD CONSTRAINT "vc_rooms_deletion_requested_by_id_users_id_fk" FOREIGN KEY ("deletion_requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vc_room_links_contribution_uq" ON "vc_room_links" USING btree ("contribution_id") WHERE "vc_room_links"."contribution_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "vc_room_links_block_uq" ON "vc_room_links" USING btree ("block_id") WHERE "vc_room_links"."block_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "vc_room_links_room_event_uq" ON "vc_room_links" USING btree ("room_id","linked_event_id") WHERE "vc_room_links"."linked_event_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "vc_room_links_event_idx" ON "vc_room_links" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "vc_room_links_room_idx" ON "vc_room_links" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "vc_rooms_provider_status_idx" ON "vc_rooms" USING btree ("provider","status");--> statement-breakpoint
CREATE INDEX "vc_rooms_created_by_idx" ON "vc_rooms" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "vc_rooms_name_trgm_idx" ON "vc_rooms" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vc_rooms_host_keys_idx" ON "vc_rooms" USING gin ("host_keys");--> statement-breakpoint
CREATE INDEX "vc_rooms_search_keys_idx" ON "vc_rooms" USING gin ("search_keys");