CREATE INDEX `practices_public_etag_idx` ON `practices` (`ods`,`public_etag`);--> statement-breakpoint
CREATE INDEX `practices_chain_head_idx` ON `practices` (`ods`,`chain_seq`,`chain_head`);