import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './open.js';
import { Store } from './store.js';

// Every test gets its own SQLite file.
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

describe('Store.write (group commit)', () => {
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

describe('Store read cache (practiceSettings, reportOrigins, credential)', () => {
  beforeEach(() => {
    store.insertPractice({
      ods: 'Y10010',
      name: 'Before',
      settings: '{"v":1}',
      publicJson: '{}',
      publicEtag: '"x"',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('serves a repeated read from memory', () => {
    let loads = 0;
    const load = () => {
      loads++;
      return { keyId: 'k' };
    };
    expect(store.credential('h1', load)).toEqual({ keyId: 'k' });
    expect(store.credential('h1', load)).toBe(store.credential('h1', load));
    expect(loads).toBe(1);
    expect(store.practiceSettings('Y10010')).toBe(store.practiceSettings('Y10010'));
  });

  it("sees another connection's commit from the next turn of the event loop", async () => {
    expect(store.practiceSettings('Y10010')?.name).toBe('Before');
    expect(store.credential('h2', () => 'live')).toBe('live');
    const other = new Database(join(dir, 'policy.sqlite'));
    try {
      other
        .prepare("UPDATE practices SET name = 'Elsewhere', settings = '{\"v\":2}' WHERE ods = 'Y10010'")
        .run();
    } finally {
      other.close();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.practiceSettings('Y10010')).toMatchObject({ name: 'Elsewhere', settings: '{"v":2}' });
    expect(store.credential('h2', () => 'reloaded')).toBe('reloaded');
  });

  it('forgets on writes through any Store on the connection, and on a rolled-back write', async () => {
    expect(store.practiceSettings('Y10010')?.name).toBe('Before');
    const second = new Store(db);
    second.updatePractice('Y10010', {
      name: 'Renamed',
      settings: '{}',
      publicJson: '{}',
      publicEtag: '"y"',
      updatedAt: '2026-01-02T00:00:00.000Z',
      updatedBy: null,
    });
    expect(store.practiceSettings('Y10010')?.name).toBe('Renamed');
    // A write that reads the cache after changing the row, then fails: the read must not outlive it.
    await expect(
      store.write(() => {
        second.updatePractice('Y10010', {
          name: 'Rolled back',
          settings: '{}',
          publicJson: '{}',
          publicEtag: '"z"',
          updatedAt: '2026-01-02T00:00:00.000Z',
          updatedBy: null,
        });
        expect(store.practiceSettings('Y10010')?.name).toBe('Rolled back');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(store.practiceSettings('Y10010')?.name).toBe('Renamed');
    expect(store.credential('h3', () => 'a')).toBe('a');
    store.updateKey('no-such-key', { revokedAt: '2026-01-03T00:00:00.000Z' });
    expect(store.credential('h3', () => 'b')).toBe('b');
  });
});

describe('Store.pruneIdempotent', () => {
  it('forgets keys first used before the cut-off and keeps the rest', () => {
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
  });
});
