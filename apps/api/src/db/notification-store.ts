import type Database from 'better-sqlite3';
import type { Db } from './open.js';
import type { OutboxDeliveryRow, OutboxEventRow, WebhookEndpointRow } from './schema.js';

// The notification tables' SQL (db/schema.ts: webhook_endpoints, outbox_events, outbox_deliveries),
// kept apart from store.ts so the outbox can grow without touching the incident write path's SQL.
// One instance per connection (notificationStore), all statements prepared once.

export interface NewOutboxEvent {
  id: string;
  practiceOds: string;
  type: string;
  data: string;
  dedupeKey: string | null;
  endpointId: string | null;
  createdAt: string;
}

export interface NewDelivery {
  id: string;
  eventId: string;
  practiceOds: string;
  channel: 'webhook' | 'email';
  endpointId: string | null;
  recipient: string | null;
  nextAttemptAt: string;
  createdAt: string;
}

export interface AttemptRecord {
  id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  at: string;
  nextAttemptAt: string | null;
  responseStatus: number | null;
  lastResult: string | null;
  history: string;
}

/** A delivery with what the dispatcher needs to make it. */
export type DueDelivery = OutboxDeliveryRow & {
  type: string;
  data: string;
  eventCreatedAt: string;
  url: string | null;
  secret: string | null;
  endpointDeletedAt: string | null;
};

export class NotificationStore {
  readonly #insertEvent: Database.Statement;
  readonly #unfanned: Database.Statement<[number], OutboxEventRow>;
  readonly #markFanned: Database.Statement<[string]>;
  readonly #insertDelivery: Database.Statement;
  readonly #due: Database.Statement<[string, number], DueDelivery>;
  readonly #record: Database.Statement;
  readonly #endpointsOf: Database.Statement<[string], WebhookEndpointRow>;
  readonly #endpoint: Database.Statement<[string, string], WebhookEndpointRow>;
  readonly #insertEndpoint: Database.Statement;
  readonly #deleteEndpoint: Database.Statement<[string, string, string, string]>;
  readonly #cancelPending: Database.Statement<[string, string]>;
  readonly #deliveriesOf: Database.Statement<
    [string, string, string, number],
    OutboxDeliveryRow & { type: string }
  >;
  readonly #openWithDeadlines: Database.Statement<
    [],
    {
      id: string;
      practiceOds: string;
      reference: string;
      state: string;
      severity: string;
      categories: string;
      deadlines: string;
    }
  >;
  readonly #hasWork: Database.Statement<[string], { n: number }>;
  readonly #nextDue: Database.Statement<[], { at: string | null }>;
  readonly #announced: Database.Statement<[string], { one: number }>;

  constructor(readonly raw: Database.Database) {
    this.#insertEvent = raw.prepare(
      `INSERT INTO outbox_events (id, practice_ods, type, data, dedupe_key, endpoint_id, created_at)
       VALUES (@id, @practiceOds, @type, @data, @dedupeKey, @endpointId, @createdAt)
       ON CONFLICT (dedupe_key) DO NOTHING`,
    );
    this.#unfanned = raw.prepare(
      `SELECT id, practice_ods AS practiceOds, type, data, dedupe_key AS dedupeKey, endpoint_id AS endpointId,
         created_at AS createdAt, fanned_out AS fannedOut
       FROM outbox_events WHERE fanned_out = 0 ORDER BY rowid LIMIT ?`,
    ) as never;
    this.#markFanned = raw.prepare('UPDATE outbox_events SET fanned_out = 1 WHERE id = ?');
    this.#insertDelivery = raw.prepare(
      `INSERT INTO outbox_deliveries (id, event_id, practice_ods, channel, endpoint_id, recipient, status,
         next_attempt_at, created_at)
       VALUES (@id, @eventId, @practiceOds, @channel, @endpointId, @recipient, 'pending', @nextAttemptAt, @createdAt)`,
    );
    this.#due = raw.prepare(
      `SELECT d.id, d.event_id AS eventId, d.practice_ods AS practiceOds, d.channel, d.endpoint_id AS endpointId,
         d.recipient, d.status, d.attempts, d.next_attempt_at AS nextAttemptAt, d.last_attempt_at AS lastAttemptAt,
         d.response_status AS responseStatus, d.last_result AS lastResult, d.history, d.created_at AS createdAt,
         e.type, e.data, e.created_at AS eventCreatedAt, w.url, w.secret, w.deleted_at AS endpointDeletedAt
       FROM outbox_deliveries d
       JOIN outbox_events e ON e.id = d.event_id
       LEFT JOIN webhook_endpoints w ON w.id = d.endpoint_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= ?
       ORDER BY d.next_attempt_at LIMIT ?`,
    ) as never;
    this.#record = raw.prepare(
      `UPDATE outbox_deliveries SET status = @status, attempts = @attempts, last_attempt_at = @at,
         next_attempt_at = @nextAttemptAt, response_status = @responseStatus, last_result = @lastResult,
         history = @history
       WHERE id = @id AND status = 'pending'`,
    );
    const endpointColumns = `id, practice_ods AS practiceOds, url, events, secret, created_at AS createdAt,
      created_by AS createdBy, deleted_at AS deletedAt, deleted_by AS deletedBy`;
    this.#endpointsOf = raw.prepare(
      `SELECT ${endpointColumns} FROM webhook_endpoints WHERE practice_ods = ? AND deleted_at IS NULL
       ORDER BY created_at, id`,
    ) as never;
    this.#endpoint = raw.prepare(
      `SELECT ${endpointColumns} FROM webhook_endpoints WHERE practice_ods = ? AND id = ? AND deleted_at IS NULL`,
    ) as never;
    this.#insertEndpoint = raw.prepare(
      `INSERT INTO webhook_endpoints (id, practice_ods, url, events, secret, created_at, created_by)
       VALUES (@id, @practiceOds, @url, @events, @secret, @createdAt, @createdBy)`,
    );
    this.#deleteEndpoint = raw.prepare(
      `UPDATE webhook_endpoints SET deleted_at = ?, deleted_by = ?
       WHERE practice_ods = ? AND id = ? AND deleted_at IS NULL`,
    );
    this.#cancelPending = raw.prepare(
      `UPDATE outbox_deliveries SET status = 'failed', next_attempt_at = NULL, last_result = ?
       WHERE endpoint_id = ? AND status = 'pending'`,
    );
    this.#deliveriesOf = raw.prepare(
      `SELECT d.id, d.event_id AS eventId, d.practice_ods AS practiceOds, d.channel, d.endpoint_id AS endpointId,
         d.recipient, d.status, d.attempts, d.next_attempt_at AS nextAttemptAt, d.last_attempt_at AS lastAttemptAt,
         d.response_status AS responseStatus, d.last_result AS lastResult, d.history, d.created_at AS createdAt,
         e.type
       FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
       WHERE d.practice_ods = ? AND d.endpoint_id = ? AND d.id < ?
       ORDER BY d.id DESC LIMIT ?`,
    ) as never;
    this.#openWithDeadlines = raw.prepare(
      `SELECT id, practice_ods AS practiceOds, reference, state, severity, categories,
         json_extract(data, '$.deadlines') AS deadlines
       FROM incidents WHERE state <> 'closed' AND json_array_length(data, '$.deadlines') > 0`,
    ) as never;
    this.#hasWork = raw.prepare(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox_events WHERE fanned_out = 0 LIMIT 1))
            + (SELECT count(*) FROM (SELECT 1 FROM outbox_deliveries WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 1)) AS n`,
    ) as never;
    this.#announced = raw.prepare('SELECT 1 AS one FROM outbox_events WHERE dedupe_key = ?') as never;
    this.#nextDue = raw.prepare(
      `SELECT min(next_attempt_at) AS at FROM outbox_deliveries WHERE status = 'pending'`,
    ) as never;
  }

  /** Inserts an announcement; false when its dedupe key was already used (announced before). */
  insertEvent(event: NewOutboxEvent): boolean {
    return this.#insertEvent.run(event).changes === 1;
  }

  /** Whether an announcement with this dedupe key was ever made. */
  announced(dedupeKey: string): boolean {
    return this.#announced.get(dedupeKey) !== undefined;
  }

  unfannedEvents(limit: number): OutboxEventRow[] {
    return this.#unfanned.all(limit);
  }

  markFanned(id: string): void {
    this.#markFanned.run(id);
  }

  insertDelivery(delivery: NewDelivery): void {
    this.#insertDelivery.run(delivery);
  }

  dueDeliveries(now: string, limit: number): DueDelivery[] {
    return this.#due.all(now, limit);
  }

  /** Records an attempt's outcome; false if the delivery was no longer pending (endpoint deleted). */
  recordAttempt(record: AttemptRecord): boolean {
    return this.#record.run(record).changes === 1;
  }

  hasWork(now: string): boolean {
    return (this.#hasWork.get(now)?.n ?? 0) > 0;
  }

  nextDueAt(): string | null {
    return this.#nextDue.get()?.at ?? null;
  }

  endpointsOf(ods: string): WebhookEndpointRow[] {
    return this.#endpointsOf.all(ods);
  }

  endpoint(ods: string, id: string): WebhookEndpointRow | undefined {
    return this.#endpoint.get(ods, id);
  }

  insertEndpoint(row: Omit<WebhookEndpointRow, 'deletedAt' | 'deletedBy'>): void {
    this.#insertEndpoint.run(row);
  }

  /** Soft-deletes the endpoint and gives up its pending deliveries; false if there was none. */
  deleteEndpoint(ods: string, id: string, at: string, by: string): boolean {
    if (this.#deleteEndpoint.run(at, by, ods, id).changes !== 1) return false;
    this.#cancelPending.run('endpoint deleted', id);
    return true;
  }

  deliveriesOf(ods: string, endpointId: string, beforeId: string | undefined, limit: number) {
    return this.#deliveriesOf.all(ods, endpointId, beforeId ?? '\uffff', limit);
  }

  openIncidentsWithDeadlines() {
    return this.#openWithDeadlines.all();
  }
}

const stores = new WeakMap<Database.Database, NotificationStore>();

/** The connection's NotificationStore (statements prepared on first use). */
export function notificationStore(db: Db | Database.Database): NotificationStore {
  const raw = '$client' in db ? db.$client : db;
  let store = stores.get(raw);
  if (!store) {
    store = new NotificationStore(raw);
    stores.set(raw, store);
  }
  return store;
}
