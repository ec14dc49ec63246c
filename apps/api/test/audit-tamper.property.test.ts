// Audit: the hash-chain verifier catches 100% of single-byte changes, deleted rows and reordered rows,
// and (data protection) of changed or deleted evidence bytes and rows, changed or deleted personal
// data held beside the chain, and truncation against a signed checkpoint (quality.md). The tampering
// is done the way an insider would: a second better-sqlite3 connection editing the SQLite file
// underneath the running app. Each trial is undone afterwards, and the chain must then verify again
// (no false alarms). Then: redaction and the retention purge, in generated sequences, never break it.

import { restorePersonalData } from '@policy/core';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkHash } from '../src/audit/chain.js';
import { Store } from '../src/db/store.js';
import { purgeExpired } from '../src/services/retention.js';
import {
  bearer,
  createHarness,
  fileReport,
  type Harness,
  NO_RATE_LIMITS,
  type PracticeFixture,
  seedPractice,
} from '../src/test-support/harness.js';

const TRIALS = Number(process.env.AUDIT_TRIALS ?? 1000);
const REMOVAL_RUNS = Number(process.env.AUDIT_REMOVAL_RUNS ?? 100);

let h: Harness;
let a: PracticeFixture;
let b: PracticeFixture;
let tamper: Database.Database;
/** A checkpoint of practice a's head, kept outside the database (as a client or webhook receiver would). */
let checkpointToken: string;

const EVENT_COLUMNS = [
  'id',
  'practice_ods',
  'incident_id',
  'seq',
  'type',
  'actor_id',
  'actor_role',
  'key_id',
  'at',
  'payload',
  'prev_hash',
  'hash',
  'format',
  'commitment',
] as const;
type EventRow = Record<(typeof EVENT_COLUMNS)[number], string | number> & { rowid: number };

beforeAll(async () => {
  h = createHarness({ rateLimits: NO_RATE_LIMITS });
  a = await seedPractice(h, 'Y90011', 6);
  b = await seedPractice(h, 'Y90022', 2);
  // More events of several kinds, so the chain has varied rows to damage.
  for (const [i, id] of a.incidentIds.entries()) {
    for (const text of [`First note on ${i}`, `Second note on ${i} — with “curly quotes” and ✓`]) {
      const response = await h.request(`/v1/practices/${a.ods}/incidents/${id}/events`, {
        method: 'POST',
        headers: { ...bearer(a.apiKey), 'x-acting-user': 'mgr-1; role=manager' },
        json: { type: 'add_note', text },
      });
      expect(response.status).toBe(200);
    }
  }
  // Screenshots on several incidents, so evidence bytes and rows can be damaged.
  for (const [i, id] of a.incidentIds.slice(1, 4).entries()) {
    const png = Buffer.concat([PNG_SIGNATURE, Buffer.from(`screenshot ${i} of the post`)]);
    const response = await h.request(`/v1/practices/${a.ods}/incidents/${id}/evidence`, {
      method: 'POST',
      headers: { ...bearer(a.apiKey), 'content-type': 'image/png' },
      body: png,
    });
    expect(response.status).toBe(201);
  }
  // Screenshots of several chunks (evidence_chunks, 256 KiB each), so chunks can be deleted, swapped
  // and added: one sent as its raw bytes, one with a report as multipart.
  for (const [i, size] of [700 * 1024, 300 * 1024].entries()) {
    const png = Buffer.concat([PNG_SIGNATURE, pseudoRandomBytes(size - PNG_SIGNATURE.length, i + 1)]);
    const id = a.incidentIds[4 + i] as string;
    const response =
      i === 0
        ? await h.request(`/v1/practices/${a.ods}/incidents/${id}/evidence`, {
            method: 'POST',
            headers: { ...bearer(a.apiKey), 'content-type': 'image/png' },
            body: png,
          })
        : await h.request(`/v1/practices/${a.ods}/incidents/${id}/evidence`, {
            method: 'POST',
            headers: bearer(a.apiKey),
            body: (() => {
              const form = new FormData();
              form.set('file', new Blob([png], { type: 'image/png' }), 'shot.png');
              return form;
            })(),
          });
    expect(response.status).toBe(201);
  }
  const chunkCounts = tamper0()
    .prepare(
      'SELECT count(*) AS n FROM evidence_chunks WHERE practice_ods = ? GROUP BY evidence_id ORDER BY n',
    )
    .all(a.ods) as { n: number }[];
  expect(chunkCounts.map((row) => row.n).slice(-2)).toEqual([2, 3]);
  const checkpoint = await h.request(`/v1/practices/${a.ods}/audit/checkpoint`, {
    headers: bearer(a.apiKey),
  });
  checkpointToken = ((await checkpoint.json()) as { token: string }).token;
  tamper = tamper0();
}, 60_000);

/** The insider's connection, opened once. */
function tamper0(): Database.Database {
  if (!tamper) {
    tamper = new Database(h.path);
    tamper.pragma('foreign_keys = OFF');
    tamper.pragma('busy_timeout = 5000');
  }
  return tamper;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bytes that differ chunk from chunk (a swap of two chunks must change the file), the same every run. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

afterAll(() => {
  tamper?.close();
  h?.close();
});

const rows = (ods: string): EventRow[] =>
  tamper
    .prepare(`SELECT rowid, * FROM incident_events WHERE practice_ods = ? ORDER BY seq`)
    .all(ods) as EventRow[];

async function verify(p: PracticeFixture, since?: string, on: Harness = h) {
  const query = since ? `?since=${since}` : '';
  const response = await on.request(`/v1/practices/${p.ods}/audit/verify${query}`, {
    headers: bearer(p.apiKey),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    intact: boolean;
    events: number;
    brokenAt: { seq: number; reason: string; evidenceId: string | null; field: string | null } | null;
  };
}

/** The rows of the tables beside the chain that trials damage, saved to be put back exactly. */
const SIDE_TABLES = ['evidence', 'event_personal_data', 'incidents'] as const;
interface ChunkRow {
  rowid: number;
  evidence_id: string;
  practice_ods: string;
  idx: number;
  bytes: Buffer;
}
type Snapshot = Record<(typeof SIDE_TABLES)[number], Record<string, unknown>[]> & { chunks: ChunkRow[] };
const chunkRows = (ods: string) =>
  tamper
    .prepare(
      'SELECT rowid, evidence_id, practice_ods, idx, bytes FROM evidence_chunks WHERE practice_ods = ?',
    )
    .all(ods) as ChunkRow[];
function snapshot(ods: string): Snapshot {
  const out = { chunks: chunkRows(ods) } as Snapshot;
  for (const table of SIDE_TABLES)
    out[table] = tamper
      .prepare(`SELECT rowid AS _rowid, * FROM ${table} WHERE practice_ods = ?`)
      .all(ods) as Record<string, unknown>[];
  return out;
}
function restoreSide(saved: Snapshot, ods: string) {
  tamper.transaction(() => {
    for (const table of SIDE_TABLES) {
      tamper.prepare(`DELETE FROM ${table} WHERE practice_ods = ?`).run(ods);
      for (const { _rowid, ...row } of saved[table]) {
        const columns = Object.keys(row);
        tamper
          .prepare(
            `INSERT INTO ${table} (rowid, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
          )
          .run(_rowid, ...Object.values(row));
      }
    }
    // The chunks (a megabyte and more): only those a trial changed are written back.
    const now = new Map(chunkRows(ods).map((row) => [row.rowid, row]));
    const same = (x: ChunkRow, y: ChunkRow | undefined) =>
      y !== undefined && x.evidence_id === y.evidence_id && x.idx === y.idx && x.bytes.equals(y.bytes);
    const remove = tamper.prepare('DELETE FROM evidence_chunks WHERE rowid = ?');
    const wanted = new Set(saved.chunks.map((row) => row.rowid));
    for (const rowid of now.keys()) if (!wanted.has(rowid)) remove.run(rowid);
    for (const row of saved.chunks.filter((row) => !same(row, now.get(row.rowid)))) remove.run(row.rowid);
    // Written back after every removal, so a moved index cannot collide with one not yet moved back.
    for (const row of saved.chunks.filter((row) => !same(row, now.get(row.rowid))))
      tamper
        .prepare(
          'INSERT INTO evidence_chunks (rowid, evidence_id, practice_ods, idx, bytes) VALUES (?, ?, ?, ?, ?)',
        )
        .run(row.rowid, row.evidence_id, row.practice_ods, row.idx, row.bytes);
  })();
}

/** Puts rows back exactly as they were (by rowid), and the practice's head. */
function restore(saved: EventRow[], head: { chain_seq: number; chain_head: string }, ods: string) {
  tamper.transaction(() => {
    // Move any rows out of the way of the unique (practice, seq) index before writing back.
    for (const row of saved)
      tamper.prepare('UPDATE incident_events SET seq = -rowid WHERE rowid = ?').run(row.rowid);
    for (const row of saved) {
      const exists = tamper.prepare('SELECT 1 FROM incident_events WHERE rowid = ?').get(row.rowid);
      const values = EVENT_COLUMNS.map((column) => row[column]);
      if (exists)
        tamper
          .prepare(
            `UPDATE incident_events SET ${EVENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`,
          )
          .run(...values, row.rowid);
      else
        tamper
          .prepare(
            `INSERT INTO incident_events (rowid, ${EVENT_COLUMNS.join(', ')}) VALUES (?, ${EVENT_COLUMNS.map(() => '?').join(', ')})`,
          )
          .run(row.rowid, ...values);
    }
    tamper
      .prepare('UPDATE practices SET chain_seq = ?, chain_head = ? WHERE ods = ?')
      .run(head.chain_seq, head.chain_head, ods);
  })();
}

function headOf(ods: string) {
  return tamper.prepare('SELECT chain_seq, chain_head FROM practices WHERE ods = ?').get(ods) as {
    chain_seq: number;
    chain_head: string;
  };
}

type Trial =
  | { kind: 'evidence-byte'; row: number; offset: number; xor: number }
  | { kind: 'evidence-delete'; row: number }
  | { kind: 'chunk-delete'; row: number }
  | { kind: 'chunk-swap'; row: number; other: number }
  | { kind: 'chunk-extra'; row: number; offset: number }
  | { kind: 'personal-byte'; row: number; column: 'salt' | 'content'; offset: number; xor: number }
  | { kind: 'personal-delete'; row: number }
  | { kind: 'truncate'; count: number }
  | { kind: 'byte'; row: number; column: number; offset: number; xor: number }
  | { kind: 'head-byte'; offset: number; xor: number }
  | { kind: 'delete'; row: number; count: number }
  | { kind: 'swap-seq'; row: number; other: number }
  | { kind: 'swap-content'; row: number; other: number };

const trialArb: fc.Arbitrary<Trial> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('byte' as const),
      row: fc.nat(),
      column: fc.nat({ max: EVENT_COLUMNS.length - 1 }),
      offset: fc.nat(),
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('head-byte' as const),
      offset: fc.nat(),
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      row: fc.nat(),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('swap-seq' as const), row: fc.nat(), other: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('swap-content' as const), row: fc.nat(), other: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('evidence-byte' as const),
      row: fc.nat(),
      offset: fc.nat(),
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('evidence-delete' as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('chunk-delete' as const), row: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('chunk-swap' as const), row: fc.nat(), other: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('chunk-extra' as const), row: fc.nat(), offset: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('personal-byte' as const),
      row: fc.nat(),
      column: fc.constantFrom('salt' as const, 'content' as const),
      offset: fc.nat(),
      xor: fc.integer({ min: 1, max: 127 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('personal-delete' as const), row: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('truncate' as const), count: fc.integer({ min: 1, max: 3 }) }),
  },
);

/** What a trial beside the chain must be found as: a seq at or before, or the evidence it damaged. */
type Touched = { seq: number } | { evidenceId: string } | { checkpoint: true };

function applySide(trial: Trial, ods: string): Touched | null {
  switch (trial.kind) {
    case 'evidence-byte':
    case 'chunk-delete':
    case 'chunk-extra': {
      // Any chunk of any evidence file: one byte flipped, the chunk deleted, or a copy of part of it
      // added after the file's last chunk.
      const chunks = tamper
        .prepare(
          'SELECT rowid, evidence_id AS evidenceId, idx, bytes FROM evidence_chunks WHERE practice_ods = ? ORDER BY rowid',
        )
        .all(ods) as { rowid: number; evidenceId: string; idx: number; bytes: Buffer }[];
      const chunk = chunks[trial.row % chunks.length] as (typeof chunks)[number];
      if (trial.kind === 'chunk-delete')
        tamper.prepare('DELETE FROM evidence_chunks WHERE rowid = ?').run(chunk.rowid);
      else if (trial.kind === 'chunk-extra') {
        const { last } = tamper
          .prepare('SELECT max(idx) AS last FROM evidence_chunks WHERE evidence_id = ?')
          .get(chunk.evidenceId) as { last: number };
        tamper
          .prepare('INSERT INTO evidence_chunks (evidence_id, practice_ods, idx, bytes) VALUES (?, ?, ?, ?)')
          .run(chunk.evidenceId, ods, last + 1, chunk.bytes.subarray(trial.offset % chunk.bytes.length));
      } else {
        const bytes = Buffer.from(chunk.bytes);
        const offset = trial.offset % bytes.length;
        bytes[offset] = (bytes[offset] as number) ^ trial.xor;
        tamper.prepare('UPDATE evidence_chunks SET bytes = ? WHERE rowid = ?').run(bytes, chunk.rowid);
      }
      return { evidenceId: chunk.evidenceId };
    }
    case 'chunk-swap': {
      // Two chunks of one file trade places (their indexes swapped).
      const files = tamper
        .prepare(
          `SELECT evidence_id AS evidenceId, count(*) AS n FROM evidence_chunks WHERE practice_ods = ?
           GROUP BY evidence_id HAVING n > 1 ORDER BY evidence_id`,
        )
        .all(ods) as { evidenceId: string; n: number }[];
      const file = files[trial.row % files.length] as (typeof files)[number];
      const x = trial.other % file.n;
      const y = (x + 1 + (trial.row % (file.n - 1))) % file.n;
      const move = tamper.prepare('UPDATE evidence_chunks SET idx = ? WHERE evidence_id = ? AND idx = ?');
      tamper.transaction(() => {
        move.run(-1, file.evidenceId, x);
        move.run(x, file.evidenceId, y);
        move.run(y, file.evidenceId, -1);
      })();
      return { evidenceId: file.evidenceId };
    }
    case 'evidence-delete': {
      // The evidence row deleted (its chunks left behind).
      const rows = tamper
        .prepare('SELECT rowid, id FROM evidence WHERE practice_ods = ? ORDER BY rowid')
        .all(ods) as { rowid: number; id: string }[];
      const row = rows[trial.row % rows.length] as (typeof rows)[number];
      tamper.prepare('DELETE FROM evidence WHERE rowid = ?').run(row.rowid);
      return { evidenceId: row.id };
    }
    case 'personal-byte':
    case 'personal-delete': {
      const rows = tamper
        .prepare(
          `SELECT p.rowid, p.salt, p.content, e.seq FROM event_personal_data p JOIN incident_events e ON e.id = p.event_id
           WHERE p.practice_ods = ? ORDER BY e.seq`,
        )
        .all(ods) as { rowid: number; salt: string; content: string; seq: number }[];
      const row = rows[trial.row % rows.length] as (typeof rows)[number];
      if (trial.kind === 'personal-delete')
        tamper.prepare('DELETE FROM event_personal_data WHERE rowid = ?').run(row.rowid);
      else {
        const bytes = Buffer.from(row[trial.column], 'utf8');
        const offset = trial.offset % bytes.length;
        bytes[offset] = (bytes[offset] as number) ^ trial.xor;
        tamper
          .prepare(`UPDATE event_personal_data SET ${trial.column} = CAST(? AS TEXT) WHERE rowid = ?`)
          .run(bytes, row.rowid);
      }
      return { seq: row.seq };
    }
    case 'truncate': {
      // The newest events go, with every incident left without events (and its evidence and personal
      // data), and the head steps back to what is left: a chain that verifies on its own.
      const newest = tamper
        .prepare(
          'SELECT id, incident_id AS incidentId FROM incident_events WHERE practice_ods = ? ORDER BY seq DESC LIMIT ?',
        )
        .all(ods, trial.count) as { id: string; incidentId: string }[];
      for (const row of newest) {
        tamper.prepare('DELETE FROM incident_events WHERE id = ?').run(row.id);
        tamper.prepare('DELETE FROM event_personal_data WHERE event_id = ?').run(row.id);
      }
      for (const { incidentId } of newest) {
        const left = tamper
          .prepare('SELECT 1 FROM incident_events WHERE incident_id = ? LIMIT 1')
          .get(incidentId);
        if (left) continue;
        tamper
          .prepare(
            'DELETE FROM evidence_chunks WHERE evidence_id IN (SELECT id FROM evidence WHERE incident_id = ?)',
          )
          .run(incidentId);
        for (const table of ['evidence', 'event_personal_data', 'incidents'])
          tamper
            .prepare(`DELETE FROM ${table} WHERE ${table === 'incidents' ? 'id' : 'incident_id'} = ?`)
            .run(incidentId);
      }
      const head = tamper
        .prepare('SELECT seq, hash FROM incident_events WHERE practice_ods = ? ORDER BY seq DESC LIMIT 1')
        .get(ods) as { seq: number; hash: string };
      tamper
        .prepare('UPDATE practices SET chain_seq = ?, chain_head = ? WHERE ods = ?')
        .run(head.seq, head.hash, ods);
      return { checkpoint: true };
    }
    default:
      return null;
  }
}

/** Applies the trial; returns the earliest seq it touched, or null when it changed nothing. */
function apply(trial: Trial, chain: EventRow[], ods: string): number | null {
  const n = chain.length;
  const at = (i: number) => chain[i % n] as EventRow;
  switch (trial.kind) {
    case 'byte': {
      const row = at(trial.row);
      const column = EVENT_COLUMNS[trial.column] as (typeof EVENT_COLUMNS)[number];
      const value = row[column];
      if (typeof value === 'number') {
        // An integer changed in one of its two low bytes.
        const changed = value ^ (trial.xor << (8 * (trial.offset % 2)));
        if (changed === value) return null;
        try {
          tamper.prepare(`UPDATE incident_events SET ${column} = ? WHERE rowid = ?`).run(changed, row.rowid);
        } catch {
          return null; // the unique (practice, seq) index refused it: no change was made
        }
        // A changed seq may land before the row; any other integer (format) is this row's.
        if (column !== 'seq') return row.seq as number;
        return Math.min(row.seq as number, changed > 0 ? changed : (row.seq as number));
      }
      const bytes = Buffer.from(value, 'utf8');
      if (bytes.length === 0) return null;
      const offset = trial.offset % bytes.length;
      bytes[offset] = (bytes[offset] as number) ^ trial.xor;
      try {
        tamper
          .prepare(`UPDATE incident_events SET ${column} = CAST(? AS TEXT) WHERE rowid = ?`)
          .run(bytes, row.rowid);
      } catch {
        return null; // e.g. the changed id collided with another row's primary key
      }
      return row.seq as number;
    }
    case 'head-byte': {
      const head = headOf(ods);
      const bytes = Buffer.from(head.chain_head, 'utf8');
      const offset = trial.offset % bytes.length;
      bytes[offset] = (bytes[offset] as number) ^ trial.xor;
      tamper.prepare('UPDATE practices SET chain_head = CAST(? AS TEXT) WHERE ods = ?').run(bytes, ods);
      return head.chain_seq;
    }
    case 'delete': {
      const first = trial.row % n;
      const victims = chain.slice(first, first + trial.count);
      for (const row of victims) tamper.prepare('DELETE FROM incident_events WHERE rowid = ?').run(row.rowid);
      return (victims[0] as EventRow).seq as number;
    }
    case 'swap-seq': {
      const [x, y] = [at(trial.row), at(trial.other)];
      if (x.rowid === y.rowid) return null;
      tamper.transaction(() => {
        tamper.prepare('UPDATE incident_events SET seq = -1 WHERE rowid = ?').run(x.rowid);
        tamper.prepare('UPDATE incident_events SET seq = ? WHERE rowid = ?').run(x.seq, y.rowid);
        tamper.prepare('UPDATE incident_events SET seq = ? WHERE rowid = ?').run(y.seq, x.rowid);
      })();
      return Math.min(x.seq as number, y.seq as number);
    }
    case 'swap-content': {
      // Rows keep their positions (seq) but exchange everything else.
      const [x, y] = [at(trial.row), at(trial.other)];
      if (x.rowid === y.rowid) return null;
      const moved = EVENT_COLUMNS.filter((c) => c !== 'seq' && c !== 'id');
      tamper.transaction(() => {
        const set = moved.map((c) => `${c} = ?`).join(', ');
        tamper
          .prepare(`UPDATE incident_events SET ${set} WHERE rowid = ?`)
          .run(...moved.map((c) => y[c]), x.rowid);
        tamper
          .prepare(`UPDATE incident_events SET ${set} WHERE rowid = ?`)
          .run(...moved.map((c) => x[c]), y.rowid);
      })();
      // Two rows of the same incident and type with identical content would be no change at all.
      return moved.every((c) => x[c] === y[c]) ? null : Math.min(x.seq as number, y.seq as number);
    }
    default:
      return null; // a trial beside the chain (applySide)
  }
}

describe('audit verifier', () => {
  it('reports an intact chain before any tampering', async () => {
    const result = await verify(a);
    expect(result.intact).toBe(true);
    expect(result.events).toBe(rows(a.ods).length);
    expect(result.events).toBeGreaterThan(15);
  });

  it(`detects every one of ${TRIALS} generated tamperings, and locates it`, async () => {
    const detected = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(trialArb, async (trial) => {
        const chain = rows(a.ods);
        const head = headOf(a.ods);
        const otherChain = rows(b.ods);
        const otherHead = headOf(b.ods);
        const side = snapshot(a.ods);
        const beside = applySide(trial, a.ods);
        const touched = beside ? null : apply(trial, chain, a.ods);
        try {
          if (touched === null && beside === null) return; // nothing changed (a no-op swap or a refused write)
          const result = await verify(a, checkpointToken);
          const what = JSON.stringify(trial);
          expect(result.intact, what).toBe(false);
          if (touched !== null) expect(result.brokenAt?.seq, what).toBeLessThanOrEqual(Math.max(1, touched));
          else if (beside && 'seq' in beside)
            expect(result.brokenAt?.seq, what).toBeLessThanOrEqual(beside.seq);
          else if (beside && 'evidenceId' in beside)
            expect(result.brokenAt?.evidenceId, what).toBe(beside.evidenceId);
          else expect(result.brokenAt?.field, what).toBe('checkpoint');
          detected.set(trial.kind, (detected.get(trial.kind) ?? 0) + 1);
        } finally {
          restore(chain, head, a.ods);
          restoreSide(side, a.ods);
          restore(otherChain, otherHead, b.ods);
        }
        expect((await verify(a, checkpointToken)).intact).toBe(true);
      }),
      { numRuns: TRIALS },
    );
    console.log('audit trials detected, by kind', Object.fromEntries(detected));
    for (const kind of [
      'byte',
      'head-byte',
      'delete',
      'swap-seq',
      'swap-content',
      'evidence-byte',
      'evidence-delete',
      'chunk-delete',
      'chunk-swap',
      'chunk-extra',
      'personal-byte',
      'personal-delete',
      'truncate',
    ])
      expect(detected.get(kind) ?? 0, kind).toBeGreaterThan(TRIALS / 60);
    expect((await verify(b)).intact).toBe(true);
  }, 120_000);

  // An edit to the `incidents` projection — what GET …/incidents/{id} shows — is caught by replaying
  // the incident's events and comparing them with the stored record.
  it('detects an incident projection edited to disagree with its events', async () => {
    const id = a.incidentIds[0] as string;
    const before = tamper.prepare('SELECT state, data FROM incidents WHERE id = ?').get(id) as {
      state: string;
      data: string;
    };
    tamper
      .prepare(
        `UPDATE incidents SET state = 'closed', data = json_set(data, '$.state', 'closed', '$.outcome', 'no_action') WHERE id = ?`,
      )
      .run(id);
    try {
      const shown = (await (
        await h.request(`/v1/practices/${a.ods}/incidents/${id}`, { headers: bearer(a.apiKey) })
      ).json()) as {
        state: string;
      };
      expect(shown.state).toBe('closed'); // the edit is what users now see
      expect((await verify(a)).intact).toBe(false);
    } finally {
      tamper
        .prepare('UPDATE incidents SET state = ?, data = ? WHERE id = ?')
        .run(before.state, before.data, id);
    }
  });

  // Found by the generated trials (1 in ~4,000): hex decoding ignores case, so a salt rewritten in
  // capitals gave the same key and the same commitment. The verifier now accepts only the salt as written.
  it('detects a personal-data salt rewritten in capitals (same bytes, different text)', async () => {
    const row = tamper
      .prepare('SELECT rowid, salt FROM event_personal_data WHERE practice_ods = ? ORDER BY rowid LIMIT 1')
      .get(a.ods) as { rowid: number; salt: string };
    expect(row.salt).toMatch(/[a-f]/);
    tamper
      .prepare('UPDATE event_personal_data SET salt = ? WHERE rowid = ?')
      .run(row.salt.toUpperCase(), row.rowid);
    try {
      const result = await verify(a);
      expect(result.intact).toBe(false);
      expect(result.brokenAt?.reason).toMatch(/personal data/);
    } finally {
      tamper.prepare('UPDATE event_personal_data SET salt = ? WHERE rowid = ?').run(row.salt, row.rowid);
    }
    expect((await verify(a)).intact).toBe(true);
  });

  it('a tampered practice does not make another practice’s chain report broken', async () => {
    const chain = rows(a.ods);
    const head = headOf(a.ods);
    tamper.prepare('DELETE FROM incident_events WHERE rowid = ?').run((chain[3] as EventRow).rowid);
    try {
      expect((await verify(a)).intact).toBe(false);
      expect((await verify(b)).intact).toBe(true);
    } finally {
      restore(chain, head, a.ods);
    }
  });
});

// ------------------------------------------------------------------ removing personal data

type Op =
  | { kind: 'file' }
  | { kind: 'note'; i: number; text: string }
  | { kind: 'evidence'; i: number }
  | { kind: 'close'; i: number }
  | { kind: 'redact'; i: number }
  | { kind: 'hold'; i: number; on: boolean }
  | { kind: 'age'; years: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'file' }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      i: fc.nat(),
      text: fc.constantFrom('Rang Sam Poster back', 'Spoke to Mrs Ng — “upset” ✓', 'x'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('evidence' as const), i: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('close' as const), i: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('redact' as const), i: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), i: fc.nat(), on: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('age' as const), years: fc.integer({ min: 1, max: 12 }) }),
  },
);

describe('removing personal data', () => {
  it(`redaction and the retention purge leave the chain verifying in every one of ${REMOVAL_RUNS} generated sequences`, async () => {
    let now = Date.parse('2026-01-05T10:00:00.000Z');
    const r = createHarness({ rateLimits: NO_RATE_LIMITS, clock: () => new Date(now) });
    const store = new Store(r.db);
    const manager = { 'x-acting-user': 'mgr-1; role=manager' };
    let run = 0;
    const done = { redactions: 0, purged: 0, removedEvents: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 12 }), async (ops) => {
          run += 1;
          const p = await seedPractice(r, `R${String(10000 + run)}`, 2);
          const ids = [...p.incidentIds];
          const post = (id: string, path: string, json: unknown, headers: Record<string, string> = manager) =>
            r.request(`/v1/practices/${p.ods}/incidents/${id}${path}`, {
              method: 'POST',
              headers: { ...bearer(p.apiKey), ...headers },
              json,
            });
          const check = async (after: Op) => {
            const result = await verify(p, undefined, r);
            expect(result.intact, `${JSON.stringify(after)} ${JSON.stringify(result.brokenAt)}`).toBe(true);
          };
          for (const op of ops) {
            const id = ids['i' in op ? op.i % ids.length : 0] as string;
            let status = 200;
            if (op.kind === 'file') ids.push((await fileReport(r, p)).id);
            else if (op.kind === 'note')
              status = (await post(id, '/events', { type: 'add_note', text: op.text })).status;
            else if (op.kind === 'evidence')
              status = (
                await r.request(`/v1/practices/${p.ods}/incidents/${id}/evidence`, {
                  method: 'POST',
                  headers: { ...bearer(p.apiKey), 'content-type': 'image/png' },
                  body: Buffer.concat([PNG_SIGNATURE, Buffer.from(`shot ${now}`)]),
                })
              ).status;
            else if (op.kind === 'close') {
              // Policy refusals (409) are fine here: the incident may be past that step.
              for (const body of [
                { type: 'triage', categories: ['abusive'] },
                { type: 'remove_from_page' },
                { type: 'close', outcome: 'removed_by_practice' },
              ])
                expect([200, 409]).toContain((await post(id, '/events', body)).status);
            } else if (op.kind === 'redact') {
              const res = await post(id, '/redact', { reason: 'Erasure request' });
              status = res.status;
              done.redactions += 1;
              done.removedEvents += ((await res.json()) as { removed: { events: number } }).removed.events;
              await check(op);
            } else if (op.kind === 'hold')
              status = (await post(id, '/legal-hold', { legalHold: op.on, reason: 'Claim pending' })).status;
            else {
              now += op.years * 365.25 * 24 * 60 * 60 * 1000;
              done.purged += (await purgeExpired(store, new Date(now))).length;
              await check(op);
            }
            // Notes and evidence on a closed incident are refused by the policy (409); removals never are.
            const allowed = op.kind === 'redact' || op.kind === 'hold' ? [200] : [200, 201, 409];
            expect(allowed, JSON.stringify(op)).toContain(status);
          }
          await check({ kind: 'file' });
        }),
        { numRuns: REMOVAL_RUNS },
      );
    } finally {
      r.close();
    }
    console.log('removals in generated sequences', done);
    expect(done.redactions).toBeGreaterThan(REMOVAL_RUNS / 2);
    expect(done.purged).toBeGreaterThan(REMOVAL_RUNS / 10);
    expect(done.removedEvents).toBeGreaterThan(REMOVAL_RUNS);
  }, 600_000);

  // Databases written before personal data was held beside the chain: every event's payload holds the
  // whole event (format 1). They keep verifying as before; a redaction rewrites their rows without it
  // (format 3) and attests each row's hash in its own event, so the chain still verifies.
  it('a chain written before commitments verifies as before, redacts, and its rewritten rows are guarded', async () => {
    const l = await seedPractice(h, 'Y90033', 2);
    const rows = tamper
      .prepare(
        `SELECT e.rowid, e.*, p.content FROM incident_events e LEFT JOIN event_personal_data p ON p.event_id = e.id
         WHERE e.practice_ods = ? ORDER BY e.seq`,
      )
      .all(l.ods) as (EventRow & { content: string | null })[];
    let prev = '';
    tamper.transaction(() => {
      for (const row of rows) {
        const event = JSON.parse(row.payload as string);
        const payload = JSON.stringify(
          row.content ? restorePersonalData(event, JSON.parse(row.content)) : event,
        );
        const hash = linkHash(prev, {
          seq: row.seq as number,
          id: row.id as string,
          practiceOds: row.practice_ods as string,
          incidentId: row.incident_id as string,
          type: row.type as string,
          actorId: row.actor_id as string,
          actorRole: row.actor_role as string,
          keyId: row.key_id as string,
          at: row.at as string,
          payload,
        });
        tamper
          .prepare(
            'UPDATE incident_events SET payload = ?, format = 1, commitment = NULL, prev_hash = ?, hash = ? WHERE rowid = ?',
          )
          .run(payload, prev, hash, row.rowid);
        prev = hash;
      }
      tamper.prepare('DELETE FROM event_personal_data WHERE practice_ods = ?').run(l.ods);
      tamper.prepare('UPDATE practices SET chain_head = ? WHERE ods = ?').run(prev, l.ods);
    })();
    expect(await verify(l)).toMatchObject({ intact: true, events: rows.length });
    const payloads = () =>
      (
        tamper.prepare('SELECT payload FROM incident_events WHERE incident_id = ?').all(l.incidentIds[0]) as {
          payload: string;
        }[]
      )
        .map((row) => row.payload)
        .join('\n');
    expect(payloads()).toContain('Sam Poster');

    const redacted = await h.request(`/v1/practices/${l.ods}/incidents/${l.incidentIds[0]}/redact`, {
      method: 'POST',
      headers: { ...bearer(l.apiKey), 'x-acting-user': 'm-1; role=manager' },
      json: { reason: 'Erasure request' },
    });
    expect(redacted.status).toBe(200);
    expect(payloads()).not.toContain('Sam Poster');
    const formats = tamper
      .prepare('SELECT format FROM incident_events WHERE incident_id = ? ORDER BY seq')
      .all(l.incidentIds[0]) as { format: number }[];
    expect(formats.map((f) => f.format)).toEqual([3, 1, 2]); // report rewritten; evidence held none; the redact event
    expect((await verify(l)).intact).toBe(true);

    // The rewritten row is guarded by the attestation; an untouched old row cannot be passed off as rewritten.
    const rewritten = tamper
      .prepare('SELECT rowid, payload FROM incident_events WHERE incident_id = ? AND format = 3')
      .get(l.incidentIds[0]) as { rowid: number; payload: string };
    tamper
      .prepare('UPDATE incident_events SET payload = ? WHERE rowid = ?')
      .run(rewritten.payload.replace('facebook', 'linkedin'), rewritten.rowid);
    expect((await verify(l)).brokenAt?.reason).toMatch(/changed after its personal data was removed/);
    tamper
      .prepare('UPDATE incident_events SET payload = ? WHERE rowid = ?')
      .run(rewritten.payload, rewritten.rowid);
    expect((await verify(l)).intact).toBe(true);
    const other = tamper
      .prepare('SELECT rowid FROM incident_events WHERE incident_id = ? AND format = 1 ORDER BY seq LIMIT 1')
      .get(l.incidentIds[1]) as { rowid: number };
    tamper.prepare('UPDATE incident_events SET format = 3 WHERE rowid = ?').run(other.rowid);
    expect((await verify(l)).brokenAt?.reason).toMatch(/no later redaction or purge attests/);
    tamper.prepare('UPDATE incident_events SET format = 1 WHERE rowid = ?').run(other.rowid);
    expect((await verify(l)).intact).toBe(true);
  });
});
