// Audit: the hash-chain verifier catches 100% of single-byte changes, deleted rows and reordered rows
// (quality.md). The tampering is done the way an insider would: a second better-sqlite3 connection
// editing the SQLite file underneath the running app. Each trial is undone afterwards, and the chain
// must then verify again (no false alarms).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, type Harness, type PracticeFixture, seedPractice } from './harness.js';

const TRIALS = Number(process.env.AUDIT_TRIALS ?? 1000);

let h: Harness;
let a: PracticeFixture;
let b: PracticeFixture;
let tamper: Database.Database;

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
  h = createHarness();
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
  tamper = new Database(h.databasePath);
  tamper.pragma('foreign_keys = OFF');
  tamper.pragma('busy_timeout = 5000');
}, 60_000);

afterAll(() => {
  tamper?.close();
  h?.close();
});

const rows = (ods: string): EventRow[] =>
  tamper
    .prepare(`SELECT rowid, * FROM incident_events WHERE practice_ods = ? ORDER BY seq`)
    .all(ods) as EventRow[];

async function verify(p: PracticeFixture) {
  const response = await h.request(`/v1/practices/${p.ods}/audit/verify`, { headers: bearer(p.apiKey) });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    intact: boolean;
    events: number;
    brokenAt: { seq: number; reason: string } | null;
  };
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
);

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
        const touched = apply(trial, chain, a.ods);
        try {
          if (touched === null) return; // nothing changed (a no-op swap or a refused write)
          const result = await verify(a);
          expect(result.intact, JSON.stringify(trial)).toBe(false);
          expect(result.brokenAt?.seq, JSON.stringify(trial)).toBeLessThanOrEqual(Math.max(1, touched));
          detected.set(trial.kind, (detected.get(trial.kind) ?? 0) + 1);
        } finally {
          restore(chain, head, a.ods);
          restore(otherChain, otherHead, b.ods);
        }
        expect((await verify(a)).intact).toBe(true);
      }),
      { numRuns: TRIALS },
    );
    console.log('audit trials detected, by kind', Object.fromEntries(detected));
    for (const kind of ['byte', 'head-byte', 'delete', 'swap-seq', 'swap-content'])
      expect(detected.get(kind) ?? 0, kind).toBeGreaterThan(TRIALS / 40);
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
