ALTER TABLE `api_keys` ADD `revoked_by` text;--> statement-breakpoint
ALTER TABLE `practices` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `practices` ADD `updated_by` text;