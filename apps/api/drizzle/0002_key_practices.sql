CREATE TABLE `key_practices` (
	`practice_ods` text NOT NULL,
	`key_id` text NOT NULL,
	PRIMARY KEY(`practice_ods`, `key_id`),
	FOREIGN KEY (`practice_ods`) REFERENCES `practices`(`ods`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Backfill from api_keys.practices for databases created before this table existed.
INSERT INTO `key_practices` (`practice_ods`, `key_id`) SELECT j.value, k.id FROM `api_keys` k, json_each(k.practices) j WHERE j.value IN (SELECT `ods` FROM `practices`);
