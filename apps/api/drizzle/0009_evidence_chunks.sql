CREATE TABLE `evidence_chunks` (
	`evidence_id` text NOT NULL,
	`practice_ods` text NOT NULL,
	`idx` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`evidence_id`, `idx`),
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_chunks_practice_idx` ON `evidence_chunks` (`practice_ods`,`evidence_id`);