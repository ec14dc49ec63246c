CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`practice_ods` text NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`incident_id` text,
	`evidence_id` text,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`key_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_log_practice_idx` ON `access_log` (`practice_ods`,`id`);--> statement-breakpoint
CREATE INDEX `access_log_incident_idx` ON `access_log` (`practice_ods`,`incident_id`,`id`);--> statement-breakpoint
CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`practice_ods` text NOT NULL,
	`seq` integer NOT NULL,
	`head` text NOT NULL,
	`at` text NOT NULL,
	`key_id` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_checkpoints_practice_idx` ON `audit_checkpoints` (`practice_ods`,`seq`);--> statement-breakpoint
CREATE TABLE `event_personal_data` (
	`event_id` text PRIMARY KEY NOT NULL,
	`practice_ods` text NOT NULL,
	`incident_id` text NOT NULL,
	`salt` text NOT NULL,
	`content` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `event_personal_data_incident_idx` ON `event_personal_data` (`practice_ods`,`incident_id`);--> statement-breakpoint
ALTER TABLE `evidence` ADD `removed_at` text;--> statement-breakpoint
ALTER TABLE `incident_events` ADD `format` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `incident_events` ADD `commitment` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `legal_hold` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `personal_data_removed_at` text;