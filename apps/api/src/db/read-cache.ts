import type Database from 'better-sqlite3';

// Memory for the reads every authenticated request repeats — the key behind a credential, the
// practice the path names, a practice's report-key origins — which otherwise cost more than the
// rest of the request's own work (the practice row spills its settings JSON into overflow pages).
//
// It is never stale:
// - a write made through this connection to the tables behind it (keys, practices) forgets it all
//   (Store calls forget() in every such method, and when a write or a batch rolls back, since an
//   entry may have been read from a write that then did not happen);
// - a commit by any other connection (an operator's sqlite3 shell, a backup restore, the audit
//   tests' tampering) changes `PRAGMA data_version`, which is read before the first cached read of
//   each turn of the event loop (it costs a WAL-index read, too much for every read of every
//   request) and forgets it all when it moved: a request sees every commit made before its turn.
// One cache per connection, shared by every Store on it. Each map is bounded: when it holds
// MAX_ENTRIES it is emptied (entries are cheap to load again).

const MAX_ENTRIES = 10_000;

export class ReadCache {
  static readonly #byConnection = new WeakMap<Database.Database, ReadCache>();

  static of(raw: Database.Database): ReadCache {
    let cache = ReadCache.#byConnection.get(raw);
    if (!cache) {
      cache = new ReadCache(raw);
      ReadCache.#byConnection.set(raw, cache);
    }
    return cache;
  }

  readonly #dataVersion: Database.Statement<[], number>;
  #seen: number | undefined;
  #checkedThisTurn = false;
  readonly #nextTurn = () => {
    this.#checkedThisTurn = false;
  };
  readonly #maps = new Set<Map<string, unknown>>();

  private constructor(raw: Database.Database) {
    this.#dataVersion = raw.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** A map whose entries live until the next forget(). */
  map<T>(): Map<string, T> {
    const map = new Map<string, T>();
    this.#maps.add(map as Map<string, unknown>);
    return map;
  }

  /** The entry for `key`, loading (and keeping) it on a miss; `undefined` results are not kept. */
  get<T>(map: Map<string, T>, key: string, load: () => T | undefined): T | undefined {
    if (!this.#checkedThisTurn) {
      this.#checkedThisTurn = true;
      setImmediate(this.#nextTurn);
      const version = this.#dataVersion.get();
      if (version !== this.#seen) {
        this.forget();
        this.#seen = version;
      }
    }
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    const loaded = load();
    if (loaded !== undefined) {
      if (map.size >= MAX_ENTRIES) map.clear();
      map.set(key, loaded);
    }
    return loaded;
  }

  forget(): void {
    for (const map of this.#maps) map.clear();
  }
}
