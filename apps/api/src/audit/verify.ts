import {
  type Incident,
  type IncidentEvent,
  type PersonalValue,
  type PracticeSettings,
  type PracticeSettingsInput,
  replay,
  restorePersonalData,
  withDefaults,
} from '@policy/core';
import type { ChainRow, ProjectionRow, Store } from '../db/store.js';
import { digestEvidence, evidenceFault } from '../services/evidence-bytes.js';
import { authorRefOf } from '../services/lifecycle.js';
import { commit, EVENT_FORMAT, linkHash, linkHashV2, residueDigest, saltIsCanonical } from './chain.js';
import { type Checkpoint, checkpointProblem } from './checkpoints.js';
import { isRecordsEventType, isRemovalType, type RecordsEvent } from './records-events.js';
import type { AuditSigner } from './signing.js';

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
  /** For stored evidence that is changed or missing: which evidence. */
  evidenceId: string | null;
  reason: string;
}

export interface CheckpointCheck {
  seq: number;
  head: string;
  at: string;
  /** `given`: the `since` checkpoint; `stored`: the newest one the server made itself. */
  source: 'given' | 'stored';
  contained: boolean;
}

export interface VerifyResult {
  intact: boolean;
  events: number;
  /** Stored evidence files re-hashed (removed ones are counted apart). */
  evidence: { checked: number; removed: number };
  head: { seq: number; hash: string };
  checkpoints: CheckpointCheck[];
  brokenAt: ChainBreak | null;
}

export interface VerifyOptions {
  /** A checkpoint kept outside the database (already checked to be this server's signature). */
  since?: Checkpoint;
  /** To check the newest stored checkpoint's signature. */
  signer?: AuditSigner;
}

interface IncidentChain {
  events: IncidentEvent[];
  lastSeq: number;
  lastId: string;
  /** The last legal_hold event's answer, if any. */
  legalHold: boolean;
}

/**
 * Re-walks a practice's chain from the first event, then everything the chain vouches for:
 *
 * 1. The chain: seqs run 1, 2, 3… with no gap; each prev_hash is the previous row's hash; each hash
 *    matches the row (format 1: the whole event; format 2: the event without its personal data and
 *    the commitment to it — and the personal data held beside it must still match the commitment);
 *    the last row is the head recorded on the practice.
 * 2. Removals: personal data missing from an event, a format-3 row, or evidence bytes removed must
 *    each be accounted for by a later `redact` or `purge` event of the same incident in the chain
 *    (which, for a format-3 row, attests its hash and what it still holds).
 * 3. Checkpoints: the chain must still contain the `since` checkpoint and the newest stored one — the
 *    same event at the same position — so a truncated or rewritten chain fails against them.
 * 4. Evidence: every stored evidence row belongs to a `record_evidence` event with the same SHA-256,
 *    its chunks run 0, 1, 2… and their bytes (hashed a chunk at a time) hash to it, removed bytes
 *    leave no chunk behind, every event for uploaded bytes (`stored: true`) still has its row, and no
 *    chunk is left without its row.
 * 5. Records: each incident's events, replayed by @policy/core, give its stored record.
 *
 * Linear in events and evidence bytes; the first problem found is reported.
 */
export function verifyChain(store: Store, ods: string, options: VerifyOptions = {}): VerifyResult {
  const practice = store.practice(ods);
  if (!practice) throw new Error('verifyChain: unknown practice');
  let expected = 1;
  let prevHash = '';
  let count = 0;
  const evidenceCount = { checked: 0, removed: 0 };
  const checkpoints: CheckpointCheck[] = [];
  const head = { seq: practice.chainSeq, hash: practice.chainHead };
  const result = (brokenAt: ChainBreak | null): VerifyResult => ({
    intact: brokenAt === null,
    events: count,
    evidence: evidenceCount,
    head,
    checkpoints,
    brokenAt,
  });
  const at = (
    seq: number,
    row: { id: string; incidentId: string } | null,
    reason: string,
    extra: Partial<ChainBreak> = {},
  ): ChainBreak => ({
    seq,
    eventId: row?.id ?? null,
    incidentId: row?.incidentId ?? null,
    reference: null,
    field: null,
    evidenceId: null,
    reason,
    ...extra,
  });

  // Gathered during the walk, only from rows whose hash was verified.
  const incidents = new Map<string, IncidentChain>();
  const authorIncidents = new Map<string, number>();
  let reportsWithoutAuthor = 0;
  /** Last removal event's seq per incident. */
  const removals = new Map<string, number>();
  /** Events whose personal data is gone: must be followed by a removal of their incident. */
  const missing: { seq: number; id: string; incidentId: string }[] = [];
  /** Format-3 rows waiting for the removal event that attests them. */
  const unattested = new Map<number, { id: string; incidentId: string; hash: string; residue: string }>();
  /** Uploaded or recorded evidence: id → the record_evidence event. */
  const recorded = new Map<
    string,
    { sha256: string; stored: boolean; seq: number; eventId: string; incidentId: string }
  >();
  const wanted = new Map<number, Checkpoint & { source: CheckpointCheck['source'] }>();
  const stored = store.latestCheckpoint(ods);
  if (options.since) wanted.set(options.since.seq, { ...options.since, source: 'given' });
  if (stored) {
    const storedCheckpoint = { ...stored, ods };
    if (!options.signer || checkpointProblem(options.signer, storedCheckpoint) !== null)
      return result(
        at(
          stored.seq,
          null,
          'the newest stored checkpoint’s signature does not verify: it was altered or signed by another key',
        ),
      );
    if (!wanted.has(stored.seq)) wanted.set(stored.seq, { ...storedCheckpoint, source: 'stored' });
  }
  const seen = new Map<number, string>();

  for (const row of store.chain(ods) as Iterable<ChainRow>) {
    count += 1;
    if (row.seq !== expected)
      return result(
        at(
          expected,
          row,
          `expected event #${expected} but found #${row.seq}: a row is missing or out of order`,
        ),
      );
    if (row.prevHash !== prevHash)
      return result(at(expected, row, 'its prev_hash does not match the hash of the event before it'));
    const changed = () =>
      result(
        at(expected, row, 'its content no longer matches its hash: the row was changed after it was written'),
      );
    let payload: IncidentEvent | RecordsEvent;
    const parse = () => JSON.parse(row.payload) as IncidentEvent | RecordsEvent;
    if (row.format === EVENT_FORMAT.legacy) {
      if (linkHash(prevHash, row) !== row.hash) return changed();
    } else if (row.format === EVENT_FORMAT.committed) {
      const commitment = row.commitment ?? '';
      if (row.commitment === null || linkHashV2(prevHash, { ...row, commitment }) !== row.hash)
        return changed();
      if (commitment !== '') {
        if (row.content === null || row.salt === null) missing.push(row);
        else if (!saltIsCanonical(row.salt) || commit(row.content, row.salt) !== commitment)
          return result(
            at(
              expected,
              row,
              'its personal data no longer matches the commitment in the chain: it was changed',
            ),
          );
      }
    } else if (row.format === EVENT_FORMAT.legacyRemoved) {
      unattested.set(row.seq, {
        id: row.id,
        incidentId: row.incidentId,
        hash: row.hash,
        residue: residueDigest(row),
      });
    } else return result(at(expected, row, `its format (${row.format}) is not one this server writes`));
    try {
      payload = parse();
      if (row.format === EVENT_FORMAT.committed && row.content !== null && row.commitment)
        payload = restorePersonalData(payload, JSON.parse(row.content) as PersonalValue[]);
    } catch {
      return result(at(expected, row, 'its payload is not valid JSON'));
    }
    if (wanted.has(row.seq)) seen.set(row.seq, row.hash);

    if (isRecordsEventType(payload.type)) {
      const records = payload as RecordsEvent;
      if (isRemovalType(records.type) && (records.type === 'redact' || records.type === 'purge')) {
        removals.set(row.incidentId, row.seq);
        for (const attested of records.legacy ?? []) {
          const pending = unattested.get(attested.seq);
          if (!pending || pending.id !== attested.eventId || pending.incidentId !== row.incidentId) continue;
          if (pending.hash !== attested.hash || pending.residue !== attested.residue)
            return result(
              at(
                attested.seq,
                { id: pending.id, incidentId: pending.incidentId },
                'it was changed after its personal data was removed',
              ),
            );
          unattested.delete(attested.seq);
        }
      }
      if (records.type === 'legal_hold') {
        const chain = incidents.get(row.incidentId);
        if (chain) chain.legalHold = records.legalHold;
      }
    } else {
      const event = payload as IncidentEvent;
      const chain = incidents.get(row.incidentId);
      if (chain) {
        chain.events.push(event);
        chain.lastSeq = row.seq;
        chain.lastId = row.id;
      } else
        incidents.set(row.incidentId, {
          events: [event],
          lastSeq: row.seq,
          lastId: row.id,
          legalHold: false,
        });
      if (event.type === 'report') {
        const author = authorRefOf(event.report);
        if (author) authorIncidents.set(author, (authorIncidents.get(author) ?? 0) + 1);
        else reportsWithoutAuthor += 1;
      }
      if (event.type === 'record_evidence')
        recorded.set(event.evidence.id, {
          sha256: event.evidence.sha256,
          stored: event.evidence.stored === true,
          seq: row.seq,
          eventId: row.id,
          incidentId: row.incidentId,
        });
    }
    prevHash = row.hash;
    expected += 1;
  }
  if (practice.chainSeq !== expected - 1)
    return result(
      at(
        expected,
        null,
        `the chain ends at #${expected - 1} but the practice recorded ${practice.chainSeq} events: rows were deleted`,
      ),
    );
  if (practice.chainHead !== prevHash)
    return result(
      at(expected - 1, null, 'the last event’s hash does not match the head recorded on the practice'),
    );

  // 2. Removals accounted for, earliest first.
  const unaccounted: ChainBreak[] = [];
  for (const row of missing)
    if ((removals.get(row.incidentId) ?? 0) < row.seq)
      unaccounted.push(
        at(
          row.seq,
          row,
          'its personal data is missing, and no later redaction or purge of its incident is recorded',
        ),
      );
  for (const [seq, row] of unattested)
    unaccounted.push(
      at(
        seq,
        row,
        'its personal data was removed from the row, and no later redaction or purge attests what it holds',
      ),
    );
  unaccounted.sort((a, b) => a.seq - b.seq);
  if (unaccounted[0]) return result(unaccounted[0]);

  // 3. Checkpoints.
  for (const [seq, checkpoint] of [...wanted].sort((a, b) => a[0] - b[0])) {
    const found = seq === 0 ? '' : seen.get(seq);
    const contained = found === checkpoint.head;
    checkpoints.push({ seq, head: checkpoint.head, at: checkpoint.at, source: checkpoint.source, contained });
    if (!contained) {
      const reason =
        found === undefined
          ? `the chain ends at #${expected - 1}, but the ${checkpoint.source === 'given' ? 'given' : 'newest stored'} checkpoint signed at ${checkpoint.at} shows #${seq}: the chain was truncated`
          : `event #${seq} is not the one the ${checkpoint.source === 'given' ? 'given' : 'newest stored'} checkpoint signed at ${checkpoint.at}: the chain was rewritten`;
      return result(at(seq, null, reason, { field: 'checkpoint' }));
    }
  }

  // 4. Evidence.
  const referenceOf = (incidentId: string) => store.incident(ods, incidentId)?.row.reference ?? null;
  const evidenceBreak = (
    record: { seq: number; eventId: string; incidentId: string } | undefined,
    evidence: { id: string; incidentId: string },
    reason: string,
  ) =>
    at(record?.seq ?? 0, { id: record?.eventId ?? '', incidentId: evidence.incidentId }, reason, {
      eventId: record?.eventId ?? null,
      evidenceId: evidence.id,
      field: 'evidence',
      reference: referenceOf(evidence.incidentId),
    });
  const found = new Set<string>();
  for (const row of store.allEvidence(ods)) {
    const record = recorded.get(row.id);
    found.add(row.id);
    if (!record || record.incidentId !== row.incidentId)
      return result(
        evidenceBreak(record, row, `evidence ${row.id} is stored but no event of its incident records it`),
      );
    if (row.sha256 !== record.sha256)
      return result(
        evidenceBreak(
          record,
          row,
          `evidence ${row.id}: its stored SHA-256 is not the one its event recorded`,
        ),
      );
    if (row.removedAt !== null) {
      if ((removals.get(row.incidentId) ?? 0) < record.seq)
        return result(
          evidenceBreak(
            record,
            row,
            `evidence ${row.id}: its bytes were removed, and no later redaction or purge is recorded`,
          ),
        );
      const left = store.evidenceChunkIndexes(ods, row.id).length;
      if (left > 0)
        return result(
          evidenceBreak(
            record,
            row,
            `evidence ${row.id}: its bytes were removed on ${row.removedAt}, yet ${left} chunk(s) of them are still stored`,
          ),
        );
      evidenceCount.removed += 1;
      continue;
    }
    const fault = evidenceFault(row, digestEvidence(store, ods, row.id), record.sha256);
    if (fault) return result(evidenceBreak(record, row, `evidence ${row.id}: ${fault}`));
    evidenceCount.checked += 1;
  }
  for (const [id, record] of recorded)
    if (record.stored && !found.has(id))
      return result(
        evidenceBreak(
          record,
          { id, incidentId: record.incidentId },
          `evidence ${id} was uploaded but its row is missing`,
        ),
      );
  const [orphan] = store.orphanEvidenceChunks(ods);
  if (orphan !== undefined)
    return result(
      evidenceBreak(
        recorded.get(orphan),
        { id: orphan, incidentId: recorded.get(orphan)?.incidentId ?? '' },
        `chunks of evidence ${orphan} are stored, but its row is missing`,
      ),
    );

  // 5. Records.
  const mismatch = checkProjections(
    store,
    ods,
    practice.settings,
    incidents,
    authorIncidents,
    reportsWithoutAuthor,
  );
  return result(mismatch);
}

/**
 * Replays each incident's events and compares the result with its stored row, in filing order;
 * returns the first disagreement. The context is rebuilt as the API built it, with two limits:
 *
 * - settings: the practice's current settings (withDefaults). Settings are not versioned, and they
 *   feed only the deadlines' due times (business hours, closed dates, reply target) and the reply
 *   guard's staff roster. So `deadlines[].due` is left out of the comparison (kind and setAt are
 *   compared); a reply refused now under a changed roster is reported, saying it may be that.
 * - authorIncidentCount: the number of report events in the (verified) chain by the same author, plus
 *   those whose author was removed as personal data (any of them may have been this author). The API
 *   used the count at the event's time, which this can only exceed (incidents are never deleted); the
 *   count only decides whether `block_author` is allowed and never changes the folded record, and
 *   every stored event was allowed with the smaller count, so replay folds the same incident.
 */
function checkProjections(
  store: Store,
  ods: string,
  settingsJson: string,
  incidents: Map<string, IncidentChain>,
  authorIncidents: Map<string, number>,
  reportsWithoutAuthor: number,
): ChainBreak | null {
  const settings: PracticeSettings = withDefaults(JSON.parse(settingsJson) as PracticeSettingsInput);
  for (const row of store.projections(ods)) {
    const chain = incidents.get(row.id);
    const at = (field: string | null, reason: string): ChainBreak => ({
      seq: chain?.lastSeq ?? 0,
      eventId: chain?.lastId ?? null,
      incidentId: row.id,
      reference: row.reference,
      field,
      evidenceId: null,
      reason,
    });
    if (!chain)
      return at(null, 'the incident has no events in the chain: its record was added outside the API');
    incidents.delete(row.id);
    const first = chain.events[0];
    const author = first?.type === 'report' ? authorRefOf(first.report) : null;
    const replayed = replay(chain.events, {
      settings,
      authorIncidentCount: (author ? (authorIncidents.get(author) ?? 1) : 1) + reportsWithoutAuthor,
    });
    if (!replayed.ok)
      return at(
        null,
        `its events no longer replay (event ${replayed.index + 1}: ${replayed.error.rule}): the policy or the practice’s settings changed since, so its record could not be checked`,
      );
    const field = firstDifference(replayed.incident, row);
    if (field) return at(field, `the stored record’s ${field} does not match what its events say`);
    if (Boolean(row.legalHold) !== chain.legalHold)
      return at('legalHold', 'the stored legal hold does not match the last legal_hold event');
  }
  // Events of an incident whose row is gone: GET …/incidents/{id} would answer 404 for them.
  const orphan = incidents.entries().next();
  if (!orphan.done) {
    const [incidentId, chain] = orphan.value;
    const report = chain.events[0];
    return {
      seq: chain.lastSeq,
      eventId: chain.lastId,
      incidentId,
      reference: report?.type === 'report' ? report.reference : null,
      field: null,
      evidenceId: null,
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
