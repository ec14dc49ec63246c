-- Hand-written (drizzle-kit cannot generate data migrations): moves every evidence file's bytes from
-- the old `evidence.bytes` column into `evidence_chunks` (0009), cut into chunks of 262,144 bytes as
-- the server now writes them (EVIDENCE_CHUNK_BYTES in src/db/store.ts), then empties the column,
-- which 0011 drops. Must run after 0009 and before 0011. Evidence whose bytes were removed (a
-- redaction or the retention purge: `removed_at` set, `bytes` empty) gets no chunks.
INSERT INTO `evidence_chunks` (`evidence_id`, `practice_ods`, `idx`, `bytes`)
WITH RECURSIVE `parts` (`id`, `practice_ods`, `idx`, `size`) AS (
  SELECT `id`, `practice_ods`, 0, length(CAST(`bytes` AS BLOB)) FROM `evidence`
  WHERE `removed_at` IS NULL AND length(CAST(`bytes` AS BLOB)) > 0
  UNION ALL
  SELECT `id`, `practice_ods`, `idx` + 1, `size` FROM `parts` WHERE (`idx` + 1) * 262144 < `size`
)
SELECT `parts`.`id`, `parts`.`practice_ods`, `parts`.`idx`,
  substr(CAST(`evidence`.`bytes` AS BLOB), `parts`.`idx` * 262144 + 1, 262144)
FROM `parts` JOIN `evidence` ON `evidence`.`id` = `parts`.`id`
ORDER BY `parts`.`id`, `parts`.`idx`;
--> statement-breakpoint
UPDATE `evidence` SET `bytes` = x'' WHERE length(CAST(`bytes` AS BLOB)) > 0;
