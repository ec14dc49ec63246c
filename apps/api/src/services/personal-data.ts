import {
  type Incident,
  type IncidentEvent,
  type PracticeSettingsInput,
  replay,
  splitByFields,
  splitPersonalData,
  withDefaults,
} from '@policy/core';
import { EVENT_FORMAT, linkHash, residueDigest } from '../audit/chain.js';
import {
  isRecordsEventType,
  type LegacyAttestation,
  RECORDS_PERSONAL_FIELDS,
  type RecordsActor,
  type RecordsEvent,
  type RemovedCounts,
} from '../audit/records-events.js';
import type { IncidentEventRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { ApiError } from '../http/problem.js';

// Removing one incident's personal data — by a manager's redaction or the retention purge — the same
// way: the personal data held beside its events is deleted (content and salt), older rows that still
// hold it in their payload are rewritten without it (their hashes attested by the removal event),
// evidence bytes go, the stored record is refolded from what is left, and a `redact` or `purge` event
// records it in the chain — with counts, never the removed content.

export type Removal =
  | { type: 'redact'; reason: string; actor: RecordsActor; keyId: string; at: string }
  | { type: 'purge'; retentionYears: number; closedAt: string; at: string };

export interface RemovalResult {
  incident: Incident;
  removed: RemovedCounts;
  event: IncidentEventRow;
}

/** The actor and key the scheduled purge records. */
export const RETENTION_ACTOR: RecordsActor = { id: 'system:retention', role: 'system' };
export const RETENTION_KEY_ID = 'system:retention';

/** Call inside a transaction. Throws 404 for an unknown incident, 409 when its chain rows are broken. */
export function removePersonalData(
  store: Store,
  ods: string,
  incidentId: string,
  removal: Removal,
): RemovalResult {
  const found = store.incident(ods, incidentId);
  const practice = store.practice(ods);
  if (!found || !practice) throw new ApiError(404, 'No such incident, or it is not visible to this key.');
  const held = store.personalDataOf(ods, incidentId);
  const legacy: LegacyAttestation[] = [];
  const lifecycle: IncidentEvent[] = [];
  let events = 0;
  for (const row of store.eventsOfIncident(ods, incidentId)) {
    let payload = JSON.parse(row.payload) as IncidentEvent | RecordsEvent;
    if (row.format === EVENT_FORMAT.legacy) {
      // The row's hash must still match what it holds: once rewritten, only the attestation vouches for it.
      if (linkHash(row.prevHash, row) !== row.hash)
        throw new ApiError(
          409,
          `Event #${row.seq} of this incident no longer matches its hash, so its personal data cannot be removed safely. Run GET …/audit/verify and restore it from a backup first.`,
          { type: '/problems/chain-broken', rule: 'chain_broken' },
        );
      const split = isRecordsEventType(payload.type)
        ? splitByFields(payload, RECORDS_PERSONAL_FIELDS)
        : splitPersonalData(payload as IncidentEvent);
      if (split.personal.length > 0) {
        const rewritten = JSON.stringify(split.record);
        store.rewriteLegacyEvent(ods, row.id, rewritten);
        legacy.push({
          seq: row.seq,
          eventId: row.id,
          hash: row.hash,
          residue: residueDigest({ ...row, payload: rewritten }),
        });
        payload = split.record;
        events += 1;
      }
    } else if (row.format === EVENT_FORMAT.committed && held.has(row.id)) events += 1;
    if (!isRecordsEventType(payload.type)) lifecycle.push(payload as IncidentEvent);
  }
  store.deletePersonalDataOf(ods, incidentId);
  const evidence = store.removeEvidenceBytesOf(ods, incidentId, removal.at);
  // Refold what is left. The count of the author's incidents only decides whether blocking is allowed,
  // and every stored event was allowed; the deadlines keep their stored due times.
  const settings = withDefaults(JSON.parse(practice.settings) as PracticeSettingsInput);
  const refolded = replay(lifecycle, { settings, authorIncidentCount: 100 });
  if (!refolded.ok)
    throw new Error(`removePersonalData: the incident no longer replays (${refolded.error.rule})`);
  const incident: Incident = { ...refolded.incident, deadlines: found.incident.deadlines };
  store.replaceIncidentAfterRemoval(incident, removal.at);
  store.forgetIdempotentAnswersOf(incidentId);
  const removed = { events, evidence };
  const record: RecordsEvent =
    removal.type === 'redact'
      ? { type: 'redact', at: removal.at, actor: removal.actor, reason: removal.reason, removed, legacy }
      : {
          type: 'purge',
          at: removal.at,
          actor: RETENTION_ACTOR,
          retentionYears: removal.retentionYears,
          closedAt: removal.closedAt,
          removed,
          legacy,
        };
  const event = store.appendEvent(
    ods,
    incidentId,
    record,
    removal.type === 'redact' ? removal.keyId : RETENTION_KEY_ID,
  );
  return { incident, removed, event };
}
