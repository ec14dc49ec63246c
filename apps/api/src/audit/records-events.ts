import type { PersonalField } from '@policy/core';

// Records-management events: what the practice did with the record itself, not with the incident.
// They sit in the practice's hash chain with the lifecycle events (so they are tamper-evident and in
// order), but @policy/core does not fold them: an incident's lifecycle is the same before and after
// its personal data is removed.

export const RECORDS_EVENT_TYPES = ['redact', 'purge', 'legal_hold'] as const;
export type RecordsEventType = (typeof RECORDS_EVENT_TYPES)[number];

/** A format-1 row rewritten without its personal data (format 3): its hash and what it now holds. */
export interface LegacyAttestation {
  seq: number;
  eventId: string;
  hash: string;
  residue: string;
}

export interface RemovedCounts {
  /** Events whose personal data was removed. */
  events: number;
  /** Evidence files whose bytes were removed. */
  evidence: number;
}

export interface RecordsActor {
  id: string;
  /** staff | manager | partner, or `system` for the scheduled purge. */
  role: string;
  name?: string;
}

export type RecordsEvent = { at: string; actor: RecordsActor } & (
  | { type: 'redact'; reason: string; removed: RemovedCounts; legacy: LegacyAttestation[] }
  | {
      type: 'purge';
      /** The practice's retention setting the purge applied, and when the incident was closed. */
      retentionYears: number;
      closedAt: string;
      removed: RemovedCounts;
      legacy: LegacyAttestation[];
    }
  | { type: 'legal_hold'; legalHold: boolean; reason: string }
);

/** The free text of a records event is personal data like a note's (a reason may name someone). */
export const RECORDS_PERSONAL_FIELDS: readonly PersonalField[] = [
  ['actor.name', 'drop'],
  ['reason', 'mask'],
];

export const isRecordsEventType = (type: string): type is RecordsEventType =>
  (RECORDS_EVENT_TYPES as readonly string[]).includes(type);

/** Events that remove personal data: every event of the incident before one of them may lack it. */
export const isRemovalType = (type: string): boolean => type === 'redact' || type === 'purge';
