import {
  type Incident,
  type IncidentEvent,
  type PracticeSettings,
  type PracticeSettingsInput,
  replay,
  withDefaults,
} from '@policy/core';
import type { ProjectionRow, Store } from '../db/store.js';
import { authorRefOf } from '../services/lifecycle.js';
import { linkHash } from './chain.js';

export interface ChainBreak {
  /** The seq the verifier expected at this point of the chain. */
  seq: number;
  /** The row found there, if any. */
  eventId: string | null;
  incidentId: string | null;
  /** The incident's reference, when the break is in one incident's record. */
  reference: string | null;
  /** For a projection that disagrees with its events: the first differing field, else null. */
  field: string | null;
  reason: string;
}

export interface VerifyResult {
  intact: boolean;
  events: number;
  head: { seq: number; hash: string };
  brokenAt: ChainBreak | null;
}

/**
 * Re-walks a practice's chain from the first event: seqs must run 1, 2, 3… with no gap, each
 * prev_hash must be the previous row's hash, each hash must match the row's content, and the last
 * row must be the head recorded on the practice (so deleting the newest rows is caught too).
 * Then, with the chain known good, each incident's events are replayed by @policy/core and the
 * result compared with the stored `incidents` row (what the API shows), so an edited projection is
 * caught too. One pass over the events and one over the incidents: linear in both.
 */
export function verifyChain(store: Store, ods: string): VerifyResult {
  const practice = store.practice(ods);
  if (!practice) throw new Error('verifyChain: unknown practice');
  let expected = 1;
  let prevHash = '';
  let count = 0;
  const broken = (
    seq: number,
    row: { id: string; incidentId: string } | null,
    reason: string,
  ): VerifyResult => ({
    intact: false,
    events: count,
    head: { seq: practice.chainSeq, hash: practice.chainHead },
    brokenAt: {
      seq,
      eventId: row?.id ?? null,
      incidentId: row?.incidentId ?? null,
      reference: null,
      field: null,
      reason,
    },
  });
  // Gathered during the walk for the projection check (only from rows whose hash was verified).
  const eventsOf = new Map<string, { events: IncidentEvent[]; lastSeq: number; lastId: string }>();
  const authorIncidents = new Map<string, number>();
  for (const row of store.chain(ods)) {
    count += 1;
    if (row.seq !== expected)
      return broken(
        expected,
        row,
        `expected event #${expected} but found #${row.seq}: a row is missing or out of order`,
      );
    if (row.prevHash !== prevHash)
      return broken(expected, row, 'its prev_hash does not match the hash of the event before it');
    if (linkHash(prevHash, row) !== row.hash)
      return broken(
        expected,
        row,
        'its content no longer matches its hash: the row was changed after it was written',
      );
    let event: IncidentEvent;
    try {
      event = JSON.parse(row.payload) as IncidentEvent;
    } catch {
      return broken(expected, row, 'its payload is not valid JSON');
    }
    const seen = eventsOf.get(row.incidentId);
    if (seen) {
      seen.events.push(event);
      seen.lastSeq = row.seq;
      seen.lastId = row.id;
    } else eventsOf.set(row.incidentId, { events: [event], lastSeq: row.seq, lastId: row.id });
    if (event.type === 'report') {
      const author = authorRefOf(event.report);
      if (author) authorIncidents.set(author, (authorIncidents.get(author) ?? 0) + 1);
    }
    prevHash = row.hash;
    expected += 1;
  }
  if (practice.chainSeq !== expected - 1)
    return broken(
      expected,
      null,
      `the chain ends at #${expected - 1} but the practice recorded ${practice.chainSeq} events: rows were deleted`,
    );
  if (practice.chainHead !== prevHash)
    return broken(
      expected - 1,
      null,
      'the last event’s hash does not match the head recorded on the practice',
    );
  const mismatch = checkProjections(store, ods, practice.settings, eventsOf, authorIncidents);
  if (mismatch)
    return {
      intact: false,
      events: count,
      head: { seq: practice.chainSeq, hash: practice.chainHead },
      brokenAt: mismatch,
    };
  return {
    intact: true,
    events: count,
    head: { seq: practice.chainSeq, hash: practice.chainHead },
    brokenAt: null,
  };
}

/**
 * Replays each incident's events and compares the result with its stored row, in filing order;
 * returns the first disagreement. The context is rebuilt as the API built it, with two limits:
 *
 * - settings: the practice's current settings (withDefaults). Settings are not versioned, and they
 *   feed only the deadlines' due times (business hours, closed dates, reply target) and the reply
 *   guard's staff roster. So `deadlines[].due` is left out of the comparison (kind and setAt are
 *   compared); a reply refused now under a changed roster is reported, saying it may be that.
 * - authorIncidentCount: the number of report events in the (verified) chain by the same author.
 *   The API used the count at the event's time, which this can only exceed (incidents are never
 *   deleted); the count only decides whether `block_author` is allowed and never changes the folded
 *   record, and every stored event was allowed with the smaller count, so replay folds the same
 *   incident and every field it shapes can be compared exactly.
 */
function checkProjections(
  store: Store,
  ods: string,
  settingsJson: string,
  eventsOf: Map<string, { events: IncidentEvent[]; lastSeq: number; lastId: string }>,
  authorIncidents: Map<string, number>,
): ChainBreak | null {
  const settings: PracticeSettings = withDefaults(JSON.parse(settingsJson) as PracticeSettingsInput);
  for (const row of store.projections(ods)) {
    const chain = eventsOf.get(row.id);
    const at = (field: string | null, reason: string): ChainBreak => ({
      seq: chain?.lastSeq ?? 0,
      eventId: chain?.lastId ?? null,
      incidentId: row.id,
      reference: row.reference,
      field,
      reason,
    });
    if (!chain)
      return at(null, 'the incident has no events in the chain: its record was added outside the API');
    eventsOf.delete(row.id);
    const first = chain.events[0];
    const author = first?.type === 'report' ? authorRefOf(first.report) : null;
    const replayed = replay(chain.events, {
      settings,
      authorIncidentCount: author ? (authorIncidents.get(author) ?? 1) : 1,
    });
    if (!replayed.ok)
      return at(
        null,
        `its events no longer replay (event ${replayed.index + 1}: ${replayed.error.rule}): the policy or the practice’s settings changed since, so its record could not be checked`,
      );
    const field = firstDifference(replayed.incident, row);
    if (field) return at(field, `the stored record’s ${field} does not match what its events say`);
  }
  // Events of an incident whose row is gone: GET …/incidents/{id} would answer 404 for them.
  const orphan = eventsOf.entries().next();
  if (!orphan.done) {
    const [incidentId, chain] = orphan.value;
    const report = chain.events[0];
    return {
      seq: chain.lastSeq,
      eventId: chain.lastId,
      incidentId,
      reference: report?.type === 'report' ? report.reference : null,
      field: null,
      reason: 'the incident has events but no stored record: its record was deleted',
    };
  }
  return null;
}

/** The first field (column, or key of the stored Incident JSON) that disagrees with the replay. */
function firstDifference(replayed: Incident, row: ProjectionRow): string | null {
  const columns: [string, unknown, unknown][] = [
    ['state', row.state, replayed.state],
    ['severity', row.severity, replayed.severity],
    ['categories', row.categories, JSON.stringify(replayed.categories)],
    ['reference', row.reference, replayed.reference],
    ['platform', row.platform, replayed.report.platform],
    ['author', row.authorRef, authorRefOf(replayed.report)],
    ['createdAt', row.createdAt, replayed.createdAt],
    ['updatedAt', row.updatedAt, replayed.updatedAt],
    ['version', row.version, replayed.version],
  ];
  for (const [name, stored, expected] of columns) if (stored !== expected) return name;
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(row.data) as Record<string, unknown>;
  } catch {
    return 'data';
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return 'data';
  const expected = replayed as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(expected), ...Object.keys(stored)])) {
    const [a, b] =
      key === 'deadlines'
        ? [withoutDue(stored[key]), withoutDue(expected[key])]
        : [stored[key], expected[key]];
    if (!same(a, b)) return key;
  }
  return null;
}

/** Deadlines without their due times, which depend on settings that may have changed since. */
const withoutDue = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'object' && item !== null ? { ...item, due: undefined } : item))
    : value;

/** Deep equality of JSON-like values; key order does not matter, an undefined key equals a missing one. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) if (!same(x[key], y[key])) return false;
  return true;
}
