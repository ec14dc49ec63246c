import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER } from '../db/open.js';

interface Journal {
  entries: { tag: string }[];
}

/**
 * The migrations as they stood before the one tagged `tag`: a copy in `dir` whose journal ends just
 * before it, for building a database the way an older release left it.
 */
export function migrationsBefore(dir: string, tag: string): string {
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  const upTo = journal.entries.findIndex((entry) => entry.tag === tag);
  if (upTo <= 0) throw new Error(`no migration ${tag} after the first in ${MIGRATIONS_FOLDER}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
  return dir;
}
