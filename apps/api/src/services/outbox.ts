import type { Incident } from '@policy/core';
import type Database from 'better-sqlite3';
import { uuidv7 } from '../db/ids.js';
import { notificationStore } from '../db/notification-store.js';
import type { Store } from '../db/store.js';
import type {
  AuditCheckpointNotification,
  IncidentNotification,
  IncidentUpdatedNotification,
  OutboxType,
} from '../schemas/notifications.js';

// The durable outbox. Whatever must reach someone is written here in the SAME transaction as the
// change it announces, so an acknowledged change is never without its announcement, and a rolled
// back one never has one. The dispatcher (services/notifier.ts) delivers it later, off the request path.

export interface OutboxEntry {
  practiceOds: string;
  type: OutboxType;
  /** The thin payload (schemas/notifications.ts): never post text, names, handles or evidence. */
  data: object;
  /** When the change happened (the body's `timestamp`). */
  at: string;
  /** Set for what must be announced once only: a second entry with the same key is dropped. */
  dedupeKey?: string;
  /** Only this webhook endpoint receives it. */
  endpointId?: string;
}

const listeners = new WeakMap<Database.Database, Set<() => void>>();

/** Called after an entry is written on this connection (the dispatcher wakes up for it). */
export function onEnqueued(raw: Database.Database, listener: () => void): () => void {
  let set = listeners.get(raw);
  if (!set) {
    set = new Set();
    listeners.set(raw, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Writes one announcement. Must run inside the transaction that makes the change (a `store.write`
 * or `store.transaction` callback): it refuses to run outside one, so nothing can be announced that
 * might not commit. Returns the event id (the `webhook-id`), or null when `dedupeKey` was used before.
 *
 * For other features (the audit checkpoint producer): `enqueue(store, { practiceOds, type:
 * 'audit.checkpoint', data: checkpointData(…), at, dedupeKey: \`checkpoint:${ods}:${seq}\` })`.
 */
export function enqueue(tx: Store, entry: OutboxEntry): string | null {
  const raw = tx.db.$client;
  if (!raw.inTransaction)
    throw new Error('enqueue must run inside the transaction of the change it announces');
  const id = `msg_${uuidv7(Date.parse(entry.at) || Date.now()).replaceAll('-', '')}`;
  const inserted = notificationStore(raw).insertEvent({
    id,
    practiceOds: entry.practiceOds,
    type: entry.type,
    data: JSON.stringify(entry.data),
    dedupeKey: entry.dedupeKey ?? null,
    endpointId: entry.endpointId ?? null,
    createdAt: entry.at,
  });
  if (!inserted) return null;
  const set = listeners.get(raw);
  if (set) for (const listener of set) listener();
  return id;
}

export const incidentLink = (incident: Pick<Incident, 'practiceOds' | 'id'>) =>
  `/v1/practices/${incident.practiceOds}/incidents/${incident.id}`;

/** The incident as every notification carries it: thin by construction (fields picked, never spread). */
export function incidentData(incident: Incident): IncidentNotification {
  return {
    practiceOds: incident.practiceOds,
    incidentId: incident.id,
    reference: incident.reference,
    state: incident.state,
    severity: incident.severity,
    categories: [...incident.categories],
    categoriesConfirmed: incident.categoriesConfirmed,
    deadlines: incident.deadlines.map((deadline) => ({ kind: deadline.kind, due: deadline.due })),
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    version: incident.version,
    links: { incident: incidentLink(incident) },
  };
}

/** Announces a new incident (staff report or vendor intake). Inside the filing's transaction. */
export function announceCreated(tx: Store, incident: Incident): void {
  enqueue(tx, {
    practiceOds: incident.practiceOds,
    type: 'incident.created',
    data: incidentData(incident),
    at: incident.createdAt,
  });
}

/** Announces an applied event. Inside the event's transaction. */
export function announceUpdated(
  tx: Store,
  before: Pick<Incident, 'state' | 'severity'>,
  incident: Incident,
  event: { type: IncidentUpdatedNotification['event']['type']; seq: number; at: string },
): void {
  const data: IncidentUpdatedNotification = {
    ...incidentData(incident),
    event,
    previous: { state: before.state, severity: before.severity },
  };
  enqueue(tx, { practiceOds: incident.practiceOds, type: 'incident.updated', data, at: event.at });
}

/** For the audit checkpoint producer: the `audit.checkpoint` payload. */
export function announceCheckpoint(tx: Store, checkpoint: AuditCheckpointNotification): string | null {
  return enqueue(tx, {
    practiceOds: checkpoint.practiceOds,
    type: 'audit.checkpoint',
    data: checkpoint,
    at: checkpoint.at,
    dedupeKey: `audit.checkpoint:${checkpoint.practiceOds}:${checkpoint.seq}`,
  });
}
