// Hot-path database access: the API's own prepared queries (Store, through drizzle's .prepare()) against
// raw better-sqlite3 running the same SQL, in the same process, interleaved so noise hits both alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type Db, openDatabase } from '../src/db/open.js';
import * as schema from '../src/db/schema.js';
import { Store } from '../src/db/store.js';
import { authenticate, issueKey, prefixOf } from '../src/http/auth.js';
import { publicOf, settingsFrom } from '../src/practices/practice-config.js';
import { DEMO_SETTINGS } from '../src/seed/demo.js';

export interface HotPathFigure {
  name: string;
  apiOpsPerSecond: number;
  rawOpsPerSecond: number;
  ratio: number;
}

function opsPerSecond(fn: () => unknown, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return iterations / (Number(process.hrtime.bigint() - start) / 1e9);
}

// Best of the rounds: on a shared machine noise only ever slows a round down, so the fastest round
// of each side is the fairest estimate of what the code itself costs.
const best = (values: number[]) => Math.max(...values);

function compare(
  name: string,
  api: () => unknown,
  raw: () => unknown,
  iterations: number,
  rounds = 7,
): HotPathFigure {
  opsPerSecond(api, iterations / 4); // warm both
  opsPerSecond(raw, iterations / 4);
  const apiRuns: number[] = [];
  const rawRuns: number[] = [];
  for (let round = 0; round < rounds; round++) {
    apiRuns.push(opsPerSecond(api, iterations));
    rawRuns.push(opsPerSecond(raw, iterations));
  }
  const apiOpsPerSecond = best(apiRuns);
  const rawOpsPerSecond = best(rawRuns);
  return { name, apiOpsPerSecond, rawOpsPerSecond, ratio: apiOpsPerSecond / rawOpsPerSecond };
}

export function measureHotPaths(): HotPathFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'policy-hotpath-'));
  try {
    const db = openDatabase(join(dir, 'hot.sqlite'));
    const store = new Store(db);
    const now = new Date();
    const ods = 'Y90101';
    let key = '';
    store.transaction(() => {
      // A realistic table: many practices, each with a report key and an API key.
      for (let i = 0; i < 2000; i++) {
        const code = i === 0 ? ods : `B${10000 + i}`;
        const settings = settingsFrom({ ...DEMO_SETTINGS, ods: code, name: `Practice ${code}` });
        store.insertPractice({
          ods: code,
          name: settings.name,
          settings: JSON.stringify(settings),
          ...publicOf(settings),
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        });
        issueKey(
          store,
          { type: 'report', practices: [code], scopes: [], allowedOrigins: ['https://x.example'] },
          now,
        );
        const api = issueKey(
          store,
          { type: 'api', practices: [code], scopes: ['incidents:read'], allowedOrigins: [] },
          now,
        );
        if (i === 0) key = api.key;
      }
    });
    // "The same query": a second Store over the same connection, whose drizzle instance logs the SQL
    // each prepared statement runs; raw better-sqlite3 then prepares exactly that SQL.
    const raw = db.$client;
    let lastSql = '';
    const logged = drizzle({
      client: raw,
      schema,
      logger: {
        logQuery: (query) => {
          lastSql = query;
        },
      },
    }) as Db;
    const probe = new Store(logged);
    const sqlOf = (run: () => unknown) => {
      run();
      return raw.prepare(lastSql);
    };
    const prefix = prefixOf(key);
    const rawPublic = sqlOf(() => probe.publicConfig(ods));
    const rawKeys = sqlOf(() => probe.keysByPrefix(prefix));
    const rawPractice = sqlOf(() => probe.practice(ods));
    const figures = [
      compare(
        'public config by ODS code',
        () => store.publicConfig(ods),
        () => rawPublic.get(ods),
        100_000,
      ),
      compare(
        'API key lookup by prefix',
        () => store.keysByPrefix(prefix),
        () => rawKeys.all(prefix),
        100_000,
      ),
      compare(
        'practice row by ODS code (auth binding)',
        () => store.practice(ods),
        () => rawPractice.get(ods),
        50_000,
      ),
    ];
    // The whole authentication step, for scale (hashing the key dominates it).
    const auth = opsPerSecond(() => authenticate(store, key), 50_000);
    figures.push({
      name: 'authenticate(key) end to end (for scale)',
      apiOpsPerSecond: auth,
      rawOpsPerSecond: Number.NaN,
      ratio: Number.NaN,
    });
    db.$client.close();
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
