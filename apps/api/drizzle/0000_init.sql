CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`practices` text DEFAULT '[]' NOT NULL,
	`scopes` text DEFAULT '[]' NOT NULL,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`label` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE INDEX `api_keys_prefix_idx` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_idx` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_ods` text NOT NULL,
	`incident_id` text NOT NULL,
	`kind` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`captured_at` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by_key` text NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`practice_ods`) REFERENCES `practices`(`ods`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_incident_idx` ON `evidence` (`incident_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`key_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `incident_events` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_ods` text NOT NULL,
	`incident_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`key_id` text NOT NULL,
	`at` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`practice_ods`) REFERENCES `practices`(`ods`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_events_chain_idx` ON `incident_events` (`practice_ods`,`seq`);--> statement-breakpoint
CREATE INDEX `incident_events_incident_idx` ON `incident_events` (`incident_id`,`seq`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_ods` text NOT NULL,
	`practice_seq` integer NOT NULL,
	`ref_year` integer NOT NULL,
	`ref_number` integer NOT NULL,
	`reference` text NOT NULL,
	`state` text NOT NULL,
	`severity` text NOT NULL,
	`categories` text NOT NULL,
	`platform` text NOT NULL,
	`author_ref` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by_key` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`practice_ods`) REFERENCES `practices`(`ods`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_practice_seq_idx` ON `incidents` (`practice_ods`,`practice_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_reference_idx` ON `incidents` (`practice_ods`,`ref_year`,`ref_number`);--> statement-breakpoint
CREATE INDEX `incidents_practice_created_idx` ON `incidents` (`practice_ods`,`created_at`);--> statement-breakpoint
CREATE INDEX `incidents_practice_author_idx` ON `incidents` (`practice_ods`,`author_ref`);--> statement-breakpoint
CREATE TABLE `practices` (
	`ods` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`settings` text NOT NULL,
	`settings_version` integer DEFAULT 1 NOT NULL,
	`public_json` text NOT NULL,
	`public_etag` text NOT NULL,
	`chain_seq` integer DEFAULT 0 NOT NULL,
	`chain_head` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
