import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './open.js';
import { Store } from './store.js';

describe('Store.write (group commit)', () => {
  let dir: string;
  let db: Db;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-store-'));
    db = openDatabase(join(dir, 'policy.sqlite'));
    store = new Store(db);
  });
  afterEach(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const practice = (ods: string) => ({
    ods,
    name: ods,
    settings: '{}',
    publicJson: '{}',
    publicEtag: '"x"',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  it('runs concurrent writes in order; a refused one rolls back alone; the rest are durable when answered', async () => {
    const results = await Promise.allSettled([
      store.write(() => store.insertPractice(practice('Y10001'))),
      store.write(() => {
        store.insertPractice(practice('Y10002'));
        throw new Error('refused after writing');
      }),
      store.write(() => store.practice('Y10001')?.ods),
      store.write(() => store.insertPractice(practice('Y10001'))), // duplicate key
      store.write(() => store.insertPractice(practice('Y10003'))),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[2] as PromiseFulfilledResult<string>).value).toBe('Y10001');
    // Another connection — as after a crash — sees exactly the acknowledged writes.
    const other = new Database(join(dir, 'policy.sqlite'), { readonly: true });
    try {
      const rows = other.prepare('SELECT ods FROM practices ORDER BY ods').all();
      expect(rows).toEqual([{ ods: 'Y10001' }, { ods: 'Y10003' }]);
    } finally {
      other.close();
    }
  });

  it('later writes in a batch see earlier ones', async () => {
    const seen = await Promise.all([
      store.write(() => store.insertPractice(practice('Y10004'))),
      store.write(() => store.practice('Y10004') !== undefined),
    ]);
    expect(seen[1]).toBe(true);
  });
});

describe('Store.pruneIdempotent', () => {
  it('forgets keys first used before the cut-off and keeps the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-store-'));
    const db = openDatabase(join(dir, 'policy.sqlite'));
    try {
      const store = new Store(db);
      const row = (key: string, createdAt: string) => ({
        keyId: 'key_1',
        key,
        requestHash: 'h',
        status: 201,
        response: '{}',
        createdAt,
      });
      store.saveIdempotent(row('old', '2026-03-01T00:00:00.000Z'));
      store.saveIdempotent(row('new', '2026-03-03T00:00:00.000Z'));
      expect(store.pruneIdempotent('2026-03-02T00:00:00.000Z')).toBe(1);
      expect(store.idempotent('key_1', 'old')).toBeUndefined();
      expect(store.idempotent('key_1', 'new')).toBeDefined();
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
