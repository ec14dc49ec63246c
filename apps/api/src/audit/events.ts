import { type IncidentEvent, type PersonalValue, restorePersonalData } from '@policy/core';
import type { HeldPersonalData } from '../db/store.js';
import { EVENT_FORMAT } from './chain.js';
import type { RecordsEvent } from './records-events.js';

/** Whether an event's personal data is still held: `none` when it never had any. */
export type PersonalDataState = 'held' | 'removed' | 'none';

export interface StoredEvent {
  event: IncidentEvent | RecordsEvent;
  personalData: PersonalDataState;
}

/** A stored event as it reads now: whole while its personal data is held, else without it. */
export function storedEvent(
  row: { format: number; commitment: string | null; payload: string },
  held: HeldPersonalData | null | undefined,
): StoredEvent {
  const payload = JSON.parse(row.payload) as IncidentEvent | RecordsEvent;
  if (row.format === EVENT_FORMAT.legacy) return { event: payload, personalData: 'held' };
  if (row.format === EVENT_FORMAT.legacyRemoved) return { event: payload, personalData: 'removed' };
  if (!row.commitment) return { event: payload, personalData: 'none' };
  if (!held) return { event: payload, personalData: 'removed' };
  return {
    event: restorePersonalData(payload, JSON.parse(held.content) as PersonalValue[]),
    personalData: 'held',
  };
}
