CREATE TABLE "zoom_webhook_deliveries" (
	"key" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "zoom_webhook_deliveries_received_idx" ON "zoom_webhook_deliveries" USING btree ("received_at");