// Migration 0004 (hand-written): name-only author keys, once `name:…` across every platform, become
// core's `platform:name:…`, so reports filed before and after the upgrade count as the same author.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorKey } from '@policy/core';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsBefore } from '../test-support/migrations.js';
import { MIGRATIONS_FOLDER } from './open.js';

describe('migration 0004: author keys by platform', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('rewrites name-only keys to platform:name:…, the key core now computes, and leaves handle keys alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-migrate-'));
    dirs.push(dir);
    // The migrations as they stood before 0004.
    const before = migrationsBefore(join(dir, 'before'), '0004_author_key_by_platform');

    const sqlite = new Database(join(dir, 'db.sqlite'));
    try {
      migrate(drizzle({ client: sqlite }), { migrationsFolder: before });
      const now = '2026-03-10T09:00:00.000Z';
      sqlite
        .prepare(
          `INSERT INTO practices (ods, name, settings, public_json, public_etag, created_at, updated_at)
           VALUES ('Y90001', 'T', '{}', '{}', '""', ?, ?)`,
        )
        .run(now, now);
      const insert = sqlite.prepare(
        `INSERT INTO incidents (id, practice_ods, practice_seq, ref_year, ref_number, reference, state, severity,
           categories, platform, author_ref, created_at, updated_at, created_by_key, version, data)
         VALUES (?, 'Y90001', ?, 2026, ?, ?, 'reported', 'low', '[]', ?, ?, ?, ?, 'key', 1, '{}')`,
      );
      const rows: [string, string, string | null][] = [
        ['a', 'facebook', 'name:jo bloggs'],
        ['b', 'x', 'name:jo bloggs'],
        ['c', 'facebook', 'facebook:angrydave'],
        ['d', 'instagram', null],
      ];
      rows.forEach(([id, platform, ref], index) => {
        insert.run(id, index + 1, index + 1, `Y90001-2026-000${index + 1}`, platform, ref, now, now);
      });

      migrate(drizzle({ client: sqlite }), { migrationsFolder: MIGRATIONS_FOLDER });
      const refs = Object.fromEntries(
        (
          sqlite.prepare('SELECT id, author_ref FROM incidents').all() as {
            id: string;
            author_ref: string | null;
          }[]
        ).map((row) => [row.id, row.author_ref]),
      );
      expect(refs).toEqual({
        a: authorKey({ platform: 'facebook', author: { name: 'Jo Bloggs' } }),
        b: authorKey({ platform: 'x', author: { name: 'Jo Bloggs' } }),
        c: authorKey({ platform: 'facebook', author: { handle: '@AngryDave' } }),
        d: null,
      });
    } finally {
      sqlite.close();
    }
  });
});
