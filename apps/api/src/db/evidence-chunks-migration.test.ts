// Migrations 0009–0011: evidence bytes move from `evidence.bytes` into `evidence_chunks` (0010 is
// hand-written: it cuts each file into 256 KiB chunks), then the column is dropped. A database written
// by the previous schema — evidence in the old column — must still serve and verify every file.
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { ADMIN_KEY, createHarness, type Harness, ORIGIN, report } from '../test-support/harness.js';
import { migrationsBefore } from '../test-support/migrations.js';
import { openDatabase } from './open.js';
import { EVIDENCE_CHUNK_BYTES } from './store.js';

/** A PNG-signed file of `size` bytes whose chunks all differ. */
function screenshot(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

describe('migrations 0009–0011: evidence bytes into chunks', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('moves the bytes of a database written by the previous schema into chunks; every file still downloads and verifies', async () => {
    // The records as the previous version wrote them: made through the API, then copied into a
    // database migrated only up to 0008, each file's bytes put back into `evidence.bytes`.
    const harness = createHarness();
    h = harness;
    const keys = await h.practice('Y90001');
    const filed = async () =>
      (
        await harness.send('POST', '/v1/practices/Y90001/reports', {
          reportKey: keys.reportKey,
          origin: ORIGIN,
          body: report(),
        })
      ).json.id as string;
    const incident = await filed();
    const removedIncident = await filed();
    const files = [
      { bytes: screenshot(5 * 1024 * 1024, 1), type: 'image/png', incident },
      { bytes: screenshot(600 * 1024, 2), type: 'image/png', incident },
      { bytes: Buffer.from('Copied from the post: "you are all useless"'), type: 'text/plain', incident },
      { bytes: screenshot(300 * 1024, 3), type: 'image/png', incident: removedIncident },
    ];
    const ids: string[] = [];
    for (const file of files) {
      const res = await h.send('POST', `/v1/practices/Y90001/incidents/${file.incident}/evidence`, {
        key: keys.apiKey,
        rawBody: file.bytes as never,
        contentType: file.type,
      });
      expect(res.status).toBe(201);
      ids.push(res.json.evidence.id);
    }
    const redacted = await h.send('POST', `/v1/practices/Y90001/incidents/${removedIncident}/redact`, {
      key: keys.apiKey,
      headers: { 'x-acting-user': 'mgr-1; role=manager' },
      body: { reason: 'Erasure request' },
    });
    expect(redacted.status).toBe(200);

    const dir = dirname(h.path);
    const before = migrationsBefore(join(dir, 'migrations-before'), '0009_evidence_chunks');

    // Beside the first database, so the audit signing key (a file beside it) is the same.
    const oldPath = join(dir, 'previous.sqlite');
    const old = new Database(oldPath);
    try {
      migrate(drizzle({ client: old }), { migrationsFolder: before });
      old.pragma('foreign_keys = OFF');
      const current = h.db.$client;
      const chunksOf = current.prepare(
        'SELECT bytes FROM evidence_chunks WHERE evidence_id = ? ORDER BY idx',
      );
      old.function('old_bytes', (id: unknown) =>
        Buffer.concat((chunksOf.all(id) as { bytes: Buffer }[]).map((chunk) => chunk.bytes)),
      );
      old.prepare('ATTACH DATABASE ? AS current').run(h.path);
      const tables = old
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
        )
        .all() as { name: string }[];
      expect(tables.map((t) => t.name)).not.toContain('evidence_chunks');
      old.transaction(() => {
        for (const { name } of tables) {
          const columns = (old.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name);
          const select = columns.map((c) => (name === 'evidence' && c === 'bytes' ? 'old_bytes(id)' : c));
          old.exec(
            `INSERT INTO main.${name} (${columns.join(', ')}) SELECT ${select.join(', ')} FROM current.${name}`,
          );
        }
      })();
      old.exec('DETACH DATABASE current');
      const stored = old
        .prepare('SELECT id, length(bytes) AS n, removed_at AS removedAt FROM evidence')
        .all() as {
        id: string;
        n: number;
        removedAt: string | null;
      }[];
      expect(Object.fromEntries(stored.map((row) => [row.id, row.n]))).toEqual({
        [ids[0] as string]: 5 * 1024 * 1024,
        [ids[1] as string]: 600 * 1024,
        [ids[2] as string]: files[2]?.bytes.length,
        [ids[3] as string]: 0, // removed by the redaction
      });
    } finally {
      old.close();
    }

    // The new version opens it: 0009–0011 run.
    const db = openDatabase(oldPath);
    try {
      const raw = db.$client;
      const columns = (raw.pragma('table_info(evidence)') as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('bytes');
      const sizes = (id: string) =>
        (
          raw
            .prepare('SELECT idx, length(bytes) AS n FROM evidence_chunks WHERE evidence_id = ? ORDER BY idx')
            .all(id) as {
            idx: number;
            n: number;
          }[]
        ).map((row) => row.n);
      expect(sizes(ids[0] as string)).toEqual(Array(20).fill(EVIDENCE_CHUNK_BYTES));
      expect(sizes(ids[1] as string)).toEqual([
        EVIDENCE_CHUNK_BYTES,
        EVIDENCE_CHUNK_BYTES,
        600 * 1024 - 2 * EVIDENCE_CHUNK_BYTES,
      ]);
      expect(sizes(ids[2] as string)).toEqual([files[2]?.bytes.length]);
      expect(sizes(ids[3] as string)).toEqual([]);

      const app = createApp({ db, bootstrapAdminKey: ADMIN_KEY, clock: h.now, log: () => {} });
      const get = (path: string) =>
        app.request(path, { headers: { authorization: `Bearer ${keys.apiKey}` } });
      for (const [i, file] of files.entries()) {
        const res = await get(`/v1/practices/Y90001/incidents/${file.incident}/evidence/${ids[i]}`);
        if (i === 3) {
          expect(res.status).toBe(410);
          continue;
        }
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(file.bytes)).toBe(true);
      }
      const verified = (await (await get('/v1/practices/Y90001/audit/verify')).json()) as {
        intact: boolean;
        evidence: { checked: number; removed: number };
      };
      expect(verified).toMatchObject({ intact: true, evidence: { checked: 3, removed: 1 } });
    } finally {
      db.$client.close();
    }
  });
});
