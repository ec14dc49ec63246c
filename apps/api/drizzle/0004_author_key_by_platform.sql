-- Hand-written (data backfill): "the same author" is now core's authorKey() — a handle or, without
-- one, a name, on the same platform. Handle keys were already `platform:handle`; name-only keys
-- were `name:…` across every platform and become `platform:name:…`.
UPDATE `incidents` SET `author_ref` = `platform` || ':' || `author_ref` WHERE `author_ref` LIKE 'name:%';
