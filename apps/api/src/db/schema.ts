import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Events are the record; `incidents` is a projection rebuilt from them by @policy/core.
// Every row belongs to exactly one practice (`practice_ods`), which every query filters on.

export const practices = sqliteTable(
  'practices',
  {
    ods: text('ods').primaryKey(),
    name: text('name').notNull(),
    /** PracticeSettings JSON (withDefaults applied). */
    settings: text('settings').notNull(),
    /** Bumped on every settings change. */
    settingsVersion: integer('settings_version').notNull().default(1),
    /** The public config JSON the widgets read, computed at write time so the hot GET is one lookup. */
    publicJson: text('public_json').notNull(),
    publicEtag: text('public_etag').notNull(),
    /** Head of the practice's audit hash chain: last seq and its hash ('' before the first event). */
    chainSeq: integer('chain_seq').notNull().default(0),
    chainHead: text('chain_head').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** The keys that created and last changed the practice (every write records who made it). */
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
  },
  // Covering indexes for the two hottest reads: the ETag and the chain head sit after the large JSON
  // columns, so reading them from the table would walk the row's overflow pages every time.
  (t) => [
    index('practices_public_etag_idx').on(t.ods, t.publicEtag),
    index('practices_chain_head_idx').on(t.ods, t.chainSeq, t.chainHead),
  ],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    type: text('type', { enum: ['api', 'report', 'admin'] }).notNull(),
    /** First characters after the type prefix: identifies a key in lists and logs without revealing it. */
    prefix: text('prefix').notNull(),
    /** Lower-case hex SHA-256 of the whole key; the key itself is never stored. */
    hash: text('hash').notNull(),
    /** JSON array of ODS codes the key may act for (empty for admin keys). */
    practices: text('practices').notNull().default('[]'),
    scopes: text('scopes').notNull().default('[]'),
    allowedOrigins: text('allowed_origins').notNull().default('[]'),
    label: text('label'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
    /** API keys: the highest role `X-Acting-User` may claim; null (keys issued before it) = manager. */
    maxRole: text('max_role', { enum: ['staff', 'manager', 'partner'] }),
  },
  (t) => [index('api_keys_prefix_idx').on(t.prefix), uniqueIndex('api_keys_hash_idx').on(t.hash)],
);

/** Which practices each key acts for (mirrors api_keys.practices), indexed by practice for CORS. */
export const keyPractices = sqliteTable(
  'key_practices',
  {
    practiceOds: text('practice_ods')
      .notNull()
      .references(() => practices.ods),
    keyId: text('key_id')
      .notNull()
      .references(() => apiKeys.id),
  },
  (t) => [primaryKey({ columns: [t.practiceOds, t.keyId] })],
);

export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    practiceOds: text('practice_ods')
      .notNull()
      .references(() => practices.ods),
    /** 1, 2, 3… per practice: the list order and the cursor. */
    practiceSeq: integer('practice_seq').notNull(),
    refYear: integer('ref_year').notNull(),
    refNumber: integer('ref_number').notNull(),
    reference: text('reference').notNull(),
    state: text('state').notNull(),
    severity: text('severity').notNull(),
    /** JSON array of category ids (the confirmed ones once triaged). */
    categories: text('categories').notNull(),
    platform: text('platform').notNull(),
    /** Normalised handle or name of the post's author, for the repeat-poster rule; null if unknown. */
    authorRef: text('author_ref'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** The key that filed it. */
    createdByKey: text('created_by_key').notNull(),
    version: integer('version').notNull(),
    /** The core Incident, JSON. */
    data: text('data').notNull(),
    /** Set by a manager or partner (a `legal_hold` event): the retention purge leaves it alone. */
    legalHold: integer('legal_hold', { mode: 'boolean' }).notNull().default(false),
    /** When its personal data was last removed (redaction or the retention purge); null while held. */
    personalDataRemovedAt: text('personal_data_removed_at'),
  },
  (t) => [
    uniqueIndex('incidents_practice_seq_idx').on(t.practiceOds, t.practiceSeq),
    uniqueIndex('incidents_reference_idx').on(t.practiceOds, t.refYear, t.refNumber),
    index('incidents_practice_created_idx').on(t.practiceOds, t.createdAt),
    index('incidents_practice_author_idx').on(t.practiceOds, t.authorRef),
  ],
);

export const incidentEvents = sqliteTable(
  'incident_events',
  {
    id: text('id').primaryKey(),
    practiceOds: text('practice_ods')
      .notNull()
      .references(() => practices.ods),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id),
    /** Position in the practice's hash chain: 1, 2, 3… with no gaps. */
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    /** The credential that made the write. */
    keyId: text('key_id').notNull(),
    at: text('at').notNull(),
    /** The core IncidentEvent, JSON. */
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    /** SHA-256 over prev_hash and this row's content (see audit/chain.ts). */
    hash: text('hash').notNull(),
    /**
     * 1: the payload holds the whole event (written before personal data could be removed).
     * 2: the payload is the event without its personal data; `commitment` binds what was removed.
     * 3: a format-1 row whose personal data was removed; a later removal event attests its hash.
     */
    format: integer('format').notNull().default(1),
    /** Format 2: HMAC-SHA256(salt, personal content), hex; '' when the event held no personal data. */
    commitment: text('commitment'),
  },
  (t) => [
    uniqueIndex('incident_events_chain_idx').on(t.practiceOds, t.seq),
    index('incident_events_incident_idx').on(t.incidentId, t.seq),
  ],
);

export const evidence = sqliteTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    practiceOds: text('practice_ods')
      .notNull()
      .references(() => practices.ods),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id),
    kind: text('kind', { enum: ['screenshot', 'text'] }).notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    capturedAt: text('captured_at').notNull(),
    createdAt: text('created_at').notNull(),
    createdByKey: text('created_by_key').notNull(),
    /** Set when the bytes were removed (redaction or retention purge); its chunks are then deleted. */
    removedAt: text('removed_at'),
  },
  (t) => [
    index('evidence_incident_idx').on(t.incidentId),
    // Today's uploads per practice (http/upload-quota.ts).
    index('evidence_practice_created_idx').on(t.practiceOds, t.createdAt),
  ],
);

/**
 * An evidence file's bytes, in chunks of EVIDENCE_CHUNK_BYTES (256 KiB, db/store.ts; the last one
 * shorter; readers take chunks of any size, so other writers need not cut them alike), so
 * storing, hashing, serving and exporting a file never holds more than one chunk of it in memory.
 * Removing the bytes (redaction, the retention purge) deletes its chunks.
 */
export const evidenceChunks = sqliteTable(
  'evidence_chunks',
  {
    evidenceId: text('evidence_id')
      .notNull()
      .references(() => evidence.id),
    practiceOds: text('practice_ods').notNull(),
    /** 0, 1, 2… in the file's order, with no gaps (the audit reports a gap as a missing chunk). */
    idx: integer('idx').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.evidenceId, t.idx] }),
    // A practice's chunks (the audit's check for chunks whose evidence row is gone).
    index('evidence_chunks_practice_idx').on(t.practiceOds, t.evidenceId),
  ],
);

/**
 * The personal data removed from an event's payload (format 2), beside the chain: deleting the row
 * (content and salt) erases it, and the chain still verifies through the event's commitment.
 */
export const eventPersonalData = sqliteTable(
  'event_personal_data',
  {
    eventId: text('event_id').primaryKey(),
    practiceOds: text('practice_ods').notNull(),
    incidentId: text('incident_id').notNull(),
    /** 32 random bytes, hex: the HMAC key of the commitment (without it the commitment says nothing). */
    salt: text('salt').notNull(),
    /** JSON: [[path, value], …] as @policy/core splitPersonalData returns them; exactly the bytes committed. */
    content: text('content').notNull(),
  },
  (t) => [index('event_personal_data_incident_idx').on(t.practiceOds, t.incidentId)],
);

/** Signed statements of a practice's chain head (audit/checkpoints.ts), made on a schedule. */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    practiceOds: text('practice_ods').notNull(),
    seq: integer('seq').notNull(),
    head: text('head').notNull(),
    at: text('at').notNull(),
    keyId: text('key_id').notNull(),
    /** Ed25519 over the checkpoint's canonical statement, base64url. */
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_practice_idx').on(t.practiceOds, t.seq)],
);

/** Who read or downloaded which record, when. Ids only: never post text, names or search terms. */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    practiceOds: text('practice_ods').notNull(),
    at: text('at').notNull(),
    action: text('action', {
      enum: [
        'incident.read',
        'incident.events.read',
        'evidence.download',
        'subject_access.search',
        'subject_access.export',
      ],
    }).notNull(),
    incidentId: text('incident_id'),
    evidenceId: text('evidence_id'),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    keyId: text('key_id').notNull(),
  },
  (t) => [
    index('access_log_practice_idx').on(t.practiceOds, t.id),
    index('access_log_incident_idx').on(t.practiceOds, t.incidentId, t.id),
  ],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    keyId: text('key_id').notNull(),
    key: text('key').notNull(),
    /** Method and path the key was first used on, plus a SHA-256 of the body. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: text('response').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.key] })],
);

// People who sign in to the desk (services/people). Secrets are never stored in clear: passwords as
// scrypt hashes, session and one-time-link tokens as SHA-256. The TOTP secret must be readable to
// check codes, so it is kept as given (the database file is the thing to protect, like the evidence).

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    practiceOds: text('practice_ods')
      .notNull()
      .references(() => practices.ods),
    /** Lower-cased; unique across every practice (sign-in is email and password only). */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['staff', 'manager', 'partner'] }).notNull(),
    /** `scrypt$N$r$p$salt$hash` (base64url); null until the invitation is accepted. */
    passwordHash: text('password_hash'),
    passwordChangedAt: text('password_changed_at'),
    /** Base32 TOTP secret once enrolment is confirmed; the pending one while it is being set up. */
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    /** The 30-second step of the last code accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    disabledAt: text('disabled_at'),
    lastSignInAt: text('last_sign_in_at'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email), index('users_practice_idx').on(t.practiceOds)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** SHA-256 (hex) of the cookie's token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    /** Last request seen (recorded at most once a minute): the idle timeout runs from here. */
    lastSeenAt: text('last_seen_at').notNull(),
    /** The absolute end, fixed at sign-in. */
    expiresAt: text('expires_at').notNull(),
    /** Whether this sign-in passed a TOTP check (or confirmed enrolment). */
    twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('sessions_token_idx').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** One-time links: invitations (set a first password) and password resets. */
export const userTokens = sqliteTable(
  'user_tokens',
  {
    /** SHA-256 (hex) of the token in the link. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId)],
);

/** Failed sign-ins per account (hashed email, known or not) and per client address. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: text('window_started_at').notNull(),
  lockedUntil: text('locked_until'),
});

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type UserTokenRow = typeof userTokens.$inferSelect;
export type PracticeRow = typeof practices.$inferSelect;
/** A practice without its precomputed public JSON: what request handling needs. */
export type PracticeRecord = Omit<PracticeRow, 'publicJson' | 'publicEtag'>;
/** A practice as a request sees it: without its audit chain head, which moves with every event. */
export type PracticeSettingsRecord = Omit<PracticeRecord, 'chainSeq' | 'chainHead'>;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentEventRow = typeof incidentEvents.$inferSelect;
export type EvidenceRow = typeof evidence.$inferSelect;
export type AccessLogRow = typeof accessLog.$inferSelect;
export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect;

// ------------------------------------------------------------------ notifications (docs/notifications.md)

/** A practice's webhook endpoints. The signing secret is stored as issued: it must sign every delivery. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    practiceOds: text('practice_ods')
      .notNull()
      .references(() => practices.ods),
    url: text('url').notNull(),
    /** JSON array of event types; empty means every type. */
    events: text('events').notNull().default('[]'),
    /** `whsec_…`: shown once at registration, never logged, never returned again. */
    secret: text('secret').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** Deleted endpoints keep their delivery log for the record but receive nothing more. */
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by'),
  },
  (t) => [index('webhook_endpoints_practice_idx').on(t.practiceOds, t.deletedAt)],
);

/**
 * The durable outbox: one row per announcement, written in the same transaction as the change it
 * announces. The dispatcher fans each out to deliveries (one per endpoint or address) once.
 */
export const outboxEvents = sqliteTable(
  'outbox_events',
  {
    /** `msg_…`: the Standard Webhooks `webhook-id`, the same on every retry. */
    id: text('id').primaryKey(),
    practiceOds: text('practice_ods')
      .notNull()
      .references(() => practices.ods),
    type: text('type').notNull(),
    /** The thin `data` JSON: ids, reference, severity, categories, state, deadlines — never text or names. */
    data: text('data').notNull(),
    /** Announcements that must happen once (a deadline chased, a digest sent) carry a key. */
    dedupeKey: text('dedupe_key'),
    /** Only this endpoint receives it (a test delivery). */
    endpointId: text('endpoint_id'),
    createdAt: text('created_at').notNull(),
    fannedOut: integer('fanned_out').notNull().default(0),
  },
  (t) => [
    uniqueIndex('outbox_events_dedupe_idx').on(t.dedupeKey),
    // Only the rows still to fan out (a handful), in rowid order: the dispatcher's scan never grows
    // with the delivered history.
    index('outbox_events_unfanned_idx').on(t.fannedOut).where(sql`fanned_out = 0`),
  ],
);

/** One delivery of an announcement to one webhook endpoint or one email address, with its retries. */
export const outboxDeliveries = sqliteTable(
  'outbox_deliveries',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => outboxEvents.id),
    practiceOds: text('practice_ods').notNull(),
    channel: text('channel', { enum: ['webhook', 'email'] }).notNull(),
    endpointId: text('endpoint_id').references(() => webhookEndpoints.id),
    /** The email address, for the email channel. */
    recipient: text('recipient'),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastAttemptAt: text('last_attempt_at'),
    responseStatus: integer('response_status'),
    /** At most 1 KB of the receiver's answer, or what went wrong. */
    lastResult: text('last_result'),
    /** JSON array of every attempt: { attempt, at, responseStatus?, error?, ms }. */
    history: text('history').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('outbox_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_deliveries_endpoint_idx').on(t.endpointId, t.id),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type OutboxEventRow = typeof outboxEvents.$inferSelect;
export type OutboxDeliveryRow = typeof outboxDeliveries.$inferSelect;
