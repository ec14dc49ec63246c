CREATE TABLE `outbox_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`practice_ods` text NOT NULL,
	`channel` text NOT NULL,
	`endpoint_id` text,
	`recipient` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_attempt_at` text,
	`response_status` integer,
	`last_result` text,
	`history` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `outbox_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_deliveries_due_idx` ON `outbox_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_deliveries_endpoint_idx` ON `outbox_deliveries` (`endpoint_id`,`id`);--> statement-breakpoint
CREATE TABLE `outbox_events` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_ods` text NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`dedupe_key` text,
	`endpoint_id` text,
	`created_at` text NOT NULL,
	`fanned_out` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`practice_ods`) REFERENCES `practices`(`ods`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_events_dedupe_idx` ON `outbox_events` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_events_unfanned_idx` ON `outbox_events` (`fanned_out`) WHERE fanned_out = 0;--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_ods` text NOT NULL,
	`url` text NOT NULL,
	`events` text DEFAULT '[]' NOT NULL,
	`secret` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`practice_ods`) REFERENCES `practices`(`ods`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_practice_idx` ON `webhook_endpoints` (`practice_ods`,`deleted_at`);