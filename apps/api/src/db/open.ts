import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The checked-in drizzle-kit migrations (apps/api/drizzle), found from src/ and from dist/ alike. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * The database holds patients' and staff's personal data: its folder is created 0700 and the file
 * 0600 before SQLite opens it (SQLite gives the -wal and -shm files the database file's mode); an
 * existing file (and its -wal and -shm) is narrowed to 0600. An existing folder is left as the
 * operator made it.
 */
function makePrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas and applies pending migrations.
 *
 * - WAL: readers never block the single writer, and commits append instead of rewriting pages.
 * - synchronous = FULL: a report is acknowledged (201) only after its commit is fsynced to the WAL,
 *   so a power cut or SIGKILL right after the answer cannot lose it. NORMAL would be ~5× faster per
 *   commit but may drop the last transactions on power loss — unacceptable for evidence of threats.
 * - busy_timeout: another connection (a backup, the audit tooling) briefly holding the lock makes us
 *   wait instead of failing the request.
 * - foreign_keys: SQLite leaves them off by default; every row must belong to a real practice.
 * - temp_store = MEMORY: the group commit (Store.write) gives each request’s write a savepoint, and
 *   a savepoint keeps the pages it changes in a sub-journal, which otherwise spills to a temporary
 *   file: two write(2) calls per page per request (twice the WAL's and checkpoints' writes together). Temporary
 *   tables and sorts are small here (every list is paged and indexed).
 * - cache_size = 4 MiB (better-sqlite3 builds SQLite with 16 MiB): the hot pages — practices, keys,
 *   the right-hand edge of each index that reports append to, recent incidents — fit many times over;
 *   the rest is read from the OS page cache. A 16 MiB cache filled up within a 5-minute mixed load
 *   and held the server's RSS over its 150 MB budget (docs/benchmarks.md, "Memory").
 * - secure_delete: deleted or rewritten content is overwritten with zeros, so personal data removed
 *   by a redaction or the retention purge is gone from the file, not just unlinked (the WAL is
 *   truncated after each removal: Store.truncateWal).
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') makePrivate(path);
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -4000');
  // Removed personal data (redaction, retention purge) must not linger in freed space of the file.
  sqlite.pragma('secure_delete = ON');
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db as Db;
}
