import {
  type Category,
  type Incident,
  type IncidentEvent,
  type Severity,
  type State,
  splitByFields,
  splitPersonalData,
} from '@policy/core';
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { commit, EVENT_FORMAT, linkHashV2, newSalt } from '../audit/chain.js';
import { isRecordsEventType, RECORDS_PERSONAL_FIELDS, type RecordsEvent } from '../audit/records-events.js';
import { uuidv7 } from './ids.js';
import type { Db } from './open.js';
import { ReadCache } from './read-cache.js';
import {
  type AccessLogRow,
  type ApiKeyRow,
  type AuditCheckpointRow,
  accessLog,
  apiKeys,
  auditCheckpoints,
  type EvidenceRow,
  eventPersonalData,
  evidence,
  evidenceChunks,
  type IncidentEventRow,
  idempotencyKeys,
  incidentEvents,
  incidents,
  keyPractices,
  type PracticeRecord,
  type PracticeRow,
  type PracticeSettingsRecord,
  practices,
} from './schema.js';

// All SQL lives here. Hot paths (public config, key lookup, the incident write) use prepared
// statements; everything else uses drizzle's query builder. Every incident query filters on the
// practice, so a record of another practice is indistinguishable from a missing one.

/** How long a public config served from memory goes without re-reading its ETag. */
const PUBLIC_RECHECK_MS = 1000;

/** authorIncidentCount never reports more than this. */
export const AUTHOR_COUNT_CAP = 100;

/** The columns of an `incidents` row the audit compares with the replayed events. */
export interface ProjectionRow {
  id: string;
  reference: string;
  state: string;
  severity: string;
  categories: string;
  platform: string;
  authorRef: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  data: string;
  /** 0 or 1 as SQLite stores it. */
  legalHold: number;
}

/** A chain row with the personal data held beside it (null when there is none, or it was removed). */
export interface ChainRow extends IncidentEventRow {
  salt: string | null;
  content: string | null;
}

/** The personal data held beside an event. */
export interface HeldPersonalData {
  salt: string;
  content: string;
}

/**
 * Evidence bytes are stored in chunks of this size (`evidence_chunks`), so that storing, checking,
 * serving or exporting a 5 MiB screenshot holds one chunk of it in memory at a time, never the file.
 */
export const EVIDENCE_CHUNK_BYTES = 256 * 1024;

/** One stored chunk of an evidence file. */
export interface EvidenceChunk {
  idx: number;
  bytes: Buffer;
}

export interface IncidentFilters {
  state?: State;
  category?: Category;
  severity?: Severity;
  from?: string;
  to?: string;
  /** Only incidents filed with this credential (a member of staff sees their own reports only). */
  createdByKey?: string;
}

export class Store {
  readonly #db: Db;
  readonly #publicConfig;
  readonly #practiceByOds;
  readonly #keysByPrefix;
  readonly #keysByHash;
  readonly #reportOrigins;
  readonly #incidentById;
  readonly #insertEvent;
  readonly #insertPersonal;
  readonly #insertIncident;
  readonly #updateIncident;
  readonly #nextNumbers;
  readonly #setChainHead;
  readonly #chainHeadOf;
  readonly #publicEtagOf;
  readonly #authorCount;
  #ping: Database.Statement | undefined;
  readonly #cache: ReadCache;
  readonly #practiceSettingsOf: Database.Statement<[string], PracticeSettingsRecord>;
  readonly #cachedPractices;
  readonly #cachedOrigins;
  readonly #cachedCredentials;

  constructor(db: Db) {
    this.#db = db;
    this.#publicConfig = db
      .select({ publicJson: practices.publicJson, publicEtag: practices.publicEtag })
      .from(practices)
      .where(eq(practices.ods, sql.placeholder('ods')))
      .prepare();
    this.#practiceByOds = db
      .select({
        ods: practices.ods,
        name: practices.name,
        settings: practices.settings,
        settingsVersion: practices.settingsVersion,
        chainSeq: practices.chainSeq,
        chainHead: practices.chainHead,
        createdAt: practices.createdAt,
        updatedAt: practices.updatedAt,
        createdBy: practices.createdBy,
        updatedBy: practices.updatedBy,
      })
      .from(practices)
      .where(eq(practices.ods, sql.placeholder('ods')))
      .prepare();
    this.#keysByPrefix = db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.prefix, sql.placeholder('prefix')))
      .prepare();
    this.#reportOrigins = db
      .select({ allowedOrigins: apiKeys.allowedOrigins })
      .from(keyPractices)
      .innerJoin(apiKeys, eq(apiKeys.id, keyPractices.keyId))
      .where(
        and(
          eq(keyPractices.practiceOds, sql.placeholder('ods')),
          eq(apiKeys.type, 'report'),
          isNull(apiKeys.revokedAt),
        ),
      )
      .prepare();
    this.#keysByHash = db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.hash, sql.placeholder('hash')))
      .prepare();
    this.#incidentById = db
      .select()
      .from(incidents)
      .where(and(eq(incidents.practiceOds, sql.placeholder('ods')), eq(incidents.id, sql.placeholder('id'))))
      .prepare();
    // Capped: the policy only asks "two or more?", and an uncapped count grows with a prolific author.
    this.#authorCount = db.$client.prepare<{ ods: string; author: string }, { n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM incidents WHERE practice_ods = @ods AND author_ref = @author
         LIMIT ${AUTHOR_COUNT_CAP})`,
    );
    // Raw statements for the write path: they run inside one transaction per request.
    const raw = db.$client;
    this.#nextNumbers = raw.prepare<[string, string, number], { seq: number; ref: number }>(
      `SELECT (SELECT coalesce(max(practice_seq), 0) + 1 FROM incidents WHERE practice_ods = ?) AS seq,
              (SELECT coalesce(max(ref_number), 0) + 1 FROM incidents WHERE practice_ods = ? AND ref_year = ?) AS ref`,
    );
    this.#insertIncident = raw.prepare(
      `INSERT INTO incidents (id, practice_ods, practice_seq, ref_year, ref_number, reference, state, severity,
         categories, platform, author_ref, created_at, updated_at, created_by_key, version, data)
       VALUES (@id, @practiceOds, @practiceSeq, @refYear, @refNumber, @reference, @state, @severity,
         @categories, @platform, @authorRef, @createdAt, @updatedAt, @createdByKey, @version, @data)`,
    );
    this.#updateIncident = raw.prepare(
      `UPDATE incidents SET state = @state, severity = @severity, categories = @categories, updated_at = @updatedAt,
         version = @version, data = @data WHERE practice_ods = @practiceOds AND id = @id`,
    );
    this.#insertEvent = raw.prepare(
      `INSERT INTO incident_events (id, practice_ods, incident_id, seq, type, actor_id, actor_role, key_id, at,
         payload, prev_hash, hash, format, commitment)
       VALUES (@id, @practiceOds, @incidentId, @seq, @type, @actorId, @actorRole, @keyId, @at, @payload, @prevHash,
         @hash, @format, @commitment)`,
    );
    this.#insertPersonal = raw.prepare(
      `INSERT INTO event_personal_data (event_id, practice_ods, incident_id, salt, content)
       VALUES (@eventId, @practiceOds, @incidentId, @salt, @content)`,
    );
    this.#chainHeadOf = raw.prepare<[string], { chainSeq: number; chainHead: string }>(
      'SELECT chain_seq AS chainSeq, chain_head AS chainHead FROM practices INDEXED BY practices_chain_head_idx WHERE ods = ?',
    );
    this.#publicEtagOf = raw.prepare<[string], { etag: string }>(
      'SELECT public_etag AS etag FROM practices INDEXED BY practices_public_etag_idx WHERE ods = ?',
    );
    this.#setChainHead = raw.prepare(`UPDATE practices SET chain_seq = ?, chain_head = ? WHERE ods = ?`);
    this.#practiceSettingsOf = raw.prepare<[string], PracticeSettingsRecord>(
      `SELECT ods, name, settings, settings_version AS settingsVersion, created_at AS createdAt,
         updated_at AS updatedAt, created_by AS createdBy, updated_by AS updatedBy FROM practices WHERE ods = ?`,
    );
    this.#cache = ReadCache.of(raw);
    this.#cachedPractices = this.#cache.map<PracticeSettingsRecord>();
    this.#cachedOrigins = this.#cache.map<string[]>();
    this.#cachedCredentials = this.#cache.map<unknown>();
    this.#savepoint = {
      begin: raw.prepare('SAVEPOINT queued_write'),
      release: raw.prepare('RELEASE queued_write'),
      rollback: raw.prepare('ROLLBACK TO queued_write'),
    };
  }

  get db(): Db {
    return this.#db;
  }

  /** Runs `fn` in one IMMEDIATE transaction now (nested calls become savepoints). For start-up work. */
  transaction<T>(fn: () => T): T {
    const raw = this.#db.$client;
    try {
      if (raw.inTransaction) return raw.transaction(fn)();
      return raw.transaction(fn).immediate();
    } catch (error) {
      // Something read into the cache during the transaction may have been rolled back.
      this.#cache.forget();
      throw error;
    }
  }

  /** Each queued write's savepoint, as prepared statements (not a transaction wrapper per write). */
  readonly #savepoint: Record<'begin' | 'release' | 'rollback', Database.Statement>;

  #queue: { fn: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  #flushScheduled = false;

  /**
   * Group commit: a request's write runs, in arrival order, inside one transaction shared with the
   * writes that arrived while the previous commit was being fsynced; each write is its own savepoint,
   * so one refused write rolls back alone. The promise settles only after the shared COMMIT, so an
   * answer is sent only for a durable write — but one fsync (synchronous = FULL) covers the batch.
   */
  write<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    const raw = this.#db.$client;
    const savepoint = this.#savepoint;
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      raw
        .transaction(() => {
          for (const item of batch) {
            savepoint.begin.run();
            try {
              const value = item.fn();
              savepoint.release.run();
              results.push({ ok: true, value });
            } catch (error) {
              savepoint.rollback.run();
              savepoint.release.run();
              this.#cache.forget();
              results.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The COMMIT itself failed (disk full, I/O error): nothing in the batch is durable.
      this.#cache.forget();
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (result?.ok) item.resolve(result.value);
      else item.reject(result?.error);
    });
  }

  /**
   * Copies the write-ahead log into the database and empties it, so page images that still held
   * removed personal data are gone from the WAL too. After a redaction or purge; outside a transaction.
   */
  truncateWal(): void {
    const raw = this.#db.$client;
    if (!raw.inTransaction && raw.name !== ':memory:') raw.pragma('wal_checkpoint(TRUNCATE)');
  }

  ping(): boolean {
    this.#ping ??= this.#db.$client.prepare('SELECT 1 AS ok');
    return this.#ping.get() !== undefined;
  }

  // ------------------------------------------------------------------ practices

  publicConfig(ods: string): { publicJson: string; publicEtag: string } | undefined {
    return this.#publicConfig.get({ ods });
  }

  readonly #publicBodies = new Map<string, { etag: string; body: Uint8Array; checkedAt: number }>();

  /**
   * The public config as ready-to-send UTF-8 bytes, from memory. Changes made through this Store
   * evict it at once; anything else (another process, an operator) is noticed within a second, when
   * the ETag — a hash of the JSON — is read again. Clients cache it for minutes anyway.
   */
  publicBody(ods: string): { etag: string; body: Uint8Array } | undefined {
    const now = performance.now();
    const cached = this.#publicBodies.get(ods);
    if (cached && now - cached.checkedAt < PUBLIC_RECHECK_MS) return cached;
    const etag = this.#publicEtagOf.get(ods)?.etag;
    if (etag === undefined) {
      this.#publicBodies.delete(ods);
      return undefined;
    }
    if (cached?.etag === etag) {
      cached.checkedAt = now;
      return cached;
    }
    const row = this.#publicConfig.get({ ods });
    if (!row) return undefined;
    const fresh = { etag: row.publicEtag, body: new TextEncoder().encode(row.publicJson), checkedAt: now };
    if (this.#publicBodies.size >= 10_000) this.#publicBodies.clear();
    this.#publicBodies.set(ods, fresh);
    return fresh;
  }

  /** The practice, read fresh (with its chain head). */
  practice(ods: string): PracticeRecord | undefined {
    return this.#practiceByOds.get({ ods });
  }

  /**
   * The practice without its chain head, from memory (db/read-cache.ts: forgotten on any write to
   * practices or keys, and on any other connection's commit). Callers must not mutate it.
   */
  practiceSettings(ods: string): PracticeSettingsRecord | undefined {
    return this.#cache.get(this.#cachedPractices, ods, () => this.#practiceSettingsOf.get(ods));
  }

  /**
   * What a credential resolves to, remembered by the credential's SHA-256 (only found ones are kept);
   * forgotten like practiceSettings, so a revoked key fails on its very next request.
   */
  credential<T>(sha256: string, load: () => T | undefined): T | undefined {
    return this.#cache.get(this.#cachedCredentials, sha256, load) as T | undefined;
  }

  insertPractice(row: typeof practices.$inferInsert): void {
    this.#cache.forget();
    this.#db.insert(practices).values(row).run();
  }

  updatePractice(
    ods: string,
    values: Pick<PracticeRow, 'name' | 'settings' | 'publicJson' | 'publicEtag' | 'updatedAt' | 'updatedBy'>,
  ): void {
    this.#db
      .update(practices)
      .set({ ...values, settingsVersion: sql`${practices.settingsVersion} + 1` })
      .where(eq(practices.ods, ods))
      .run();
    this.#cache.forget();
    this.#publicBodies.delete(ods);
  }

  allPractices(): PracticeRow[] {
    return this.#db.select().from(practices).all();
  }

  // ------------------------------------------------------------------ keys

  keysByPrefix(prefix: string): ApiKeyRow[] {
    return this.#keysByPrefix.all({ prefix });
  }

  keyByHash(hash: string): ApiKeyRow | undefined {
    return this.#keysByHash.get({ hash });
  }

  insertKey(row: typeof apiKeys.$inferInsert): void {
    this.#cache.forget();
    this.#db.insert(apiKeys).values(row).run();
    const odsList = JSON.parse(row.practices ?? '[]') as string[];
    if (odsList.length > 0)
      this.#db
        .insert(keyPractices)
        .values(odsList.map((practiceOds) => ({ practiceOds, keyId: row.id })))
        .run();
  }

  /**
   * The web origins of the practice's live report keys: its CORS allow-list (one indexed lookup, then
   * from memory like practiceSettings). Callers must not mutate it.
   */
  reportOrigins(ods: string): readonly string[] {
    return (
      this.#cache.get(this.#cachedOrigins, ods, () => {
        const origins: string[] = [];
        for (const row of this.#reportOrigins.all({ ods }))
          origins.push(...(JSON.parse(row.allowedOrigins) as string[]));
        return origins;
      }) ?? []
    );
  }

  updateKey(id: string, values: Partial<typeof apiKeys.$inferInsert>): void {
    this.#cache.forget();
    this.#db.update(apiKeys).set(values).where(eq(apiKeys.id, id)).run();
  }

  keyById(id: string): ApiKeyRow | undefined {
    return this.#db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
  }

  /** Every API and report key that may act for the practice, revoked ones included, oldest first. */
  keysOfPractice(ods: string): ApiKeyRow[] {
    return this.#db
      .select({ key: apiKeys })
      .from(keyPractices)
      .innerJoin(apiKeys, eq(apiKeys.id, keyPractices.keyId))
      .where(eq(keyPractices.practiceOds, ods))
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id))
      .all()
      .map((row) => row.key);
  }

  activeKeysOfType(type: ApiKeyRow['type']): ApiKeyRow[] {
    return this.#db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.type, type), isNull(apiKeys.revokedAt)))
      .all();
  }

  // ------------------------------------------------------------------ incidents

  incident(ods: string, id: string): { row: typeof incidents.$inferSelect; incident: Incident } | undefined {
    const row = this.#incidentById.get({ ods, id });
    return row ? { row, incident: JSON.parse(row.data) as Incident } : undefined;
  }

  authorIncidentCount(ods: string, authorRef: string | null): number {
    if (!authorRef) return 1;
    return this.#authorCount.get({ ods, author: authorRef })?.n ?? 0;
  }

  nextNumbers(ods: string, year: number): { seq: number; ref: number } {
    const row = this.#nextNumbers.get(ods, ods, year);
    return row ?? { seq: 1, ref: 1 };
  }

  insertIncident(values: {
    incident: Incident;
    practiceSeq: number;
    refYear: number;
    refNumber: number;
    authorRef: string | null;
    createdByKey: string;
  }): void {
    const { incident } = values;
    this.#insertIncident.run({
      id: incident.id,
      practiceOds: incident.practiceOds,
      practiceSeq: values.practiceSeq,
      refYear: values.refYear,
      refNumber: values.refNumber,
      reference: incident.reference,
      state: incident.state,
      severity: incident.severity,
      categories: JSON.stringify(incident.categories),
      platform: incident.report.platform,
      authorRef: values.authorRef,
      createdAt: incident.createdAt,
      updatedAt: incident.updatedAt,
      createdByKey: values.createdByKey,
      version: incident.version,
      data: JSON.stringify(incident),
    });
  }

  updateIncident(incident: Incident): void {
    this.#updateIncident.run({
      id: incident.id,
      practiceOds: incident.practiceOds,
      state: incident.state,
      severity: incident.severity,
      categories: JSON.stringify(incident.categories),
      updatedAt: incident.updatedAt,
      version: incident.version,
      data: JSON.stringify(incident),
    });
  }

  /**
   * Appends one event to the practice's hash chain. Call inside a transaction. The row holds the event
   * without its personal data (@policy/core splitPersonalData) and an HMAC commitment to what was
   * taken out, which is held beside it in event_personal_data — so it can be erased later and the
   * chain still verifies (audit/chain.ts, format 2).
   */
  appendEvent(
    ods: string,
    incidentId: string,
    event: IncidentEvent | RecordsEvent,
    keyId: string,
  ): IncidentEventRow {
    const practice = this.#chainHeadOf.get(ods);
    if (!practice) throw new Error('appendEvent: unknown practice');
    const seq = practice.chainSeq + 1;
    const split = isRecordsEventType(event.type)
      ? splitByFields(event, RECORDS_PERSONAL_FIELDS)
      : splitPersonalData(event as IncidentEvent);
    const id = uuidv7();
    let commitment = '';
    if (split.personal.length > 0) {
      const salt = newSalt();
      const content = JSON.stringify(split.personal);
      commitment = commit(content, salt);
      this.#insertPersonal.run({ eventId: id, practiceOds: ods, incidentId, salt, content });
    }
    const content = {
      seq,
      id,
      practiceOds: ods,
      incidentId,
      type: event.type,
      actorId: event.actor.id,
      actorRole: event.actor.role,
      keyId,
      at: event.at,
      payload: JSON.stringify(split.record),
    };
    const prevHash = practice.chainHead;
    const hash = linkHashV2(prevHash, { ...content, commitment });
    const row = { ...content, prevHash, hash, format: EVENT_FORMAT.committed, commitment };
    this.#insertEvent.run(row);
    this.#setChainHead.run(seq, hash, ods);
    return row;
  }

  listIncidents(
    ods: string,
    filters: IncidentFilters,
    page: { limit: number; beforeSeq?: number },
  ): (typeof incidents.$inferSelect)[] {
    const where: SQL[] = [eq(incidents.practiceOds, ods)];
    if (filters.state) where.push(eq(incidents.state, filters.state));
    if (filters.severity) where.push(eq(incidents.severity, filters.severity));
    if (filters.category)
      where.push(
        sql`exists (select 1 from json_each(${incidents.categories}) where value = ${filters.category})`,
      );
    if (filters.from) where.push(gte(incidents.createdAt, filters.from));
    if (filters.to) where.push(lte(incidents.createdAt, filters.to));
    if (filters.createdByKey) where.push(eq(incidents.createdByKey, filters.createdByKey));
    if (page.beforeSeq !== undefined) where.push(lt(incidents.practiceSeq, page.beforeSeq));
    return this.#db
      .select()
      .from(incidents)
      .where(and(...where))
      .orderBy(desc(incidents.practiceSeq))
      .limit(page.limit)
      .all();
  }

  incidentsCreatedBetween(ods: string, from: string, to: string): Incident[] {
    return this.#db
      .select({ data: incidents.data })
      .from(incidents)
      .where(
        and(eq(incidents.practiceOds, ods), gte(incidents.createdAt, from), lte(incidents.createdAt, to)),
      )
      .orderBy(asc(incidents.practiceSeq))
      .all()
      .map((row) => JSON.parse(row.data) as Incident);
  }

  eventsOfIncident(ods: string, incidentId: string): IncidentEventRow[] {
    return this.#db
      .select()
      .from(incidentEvents)
      .where(and(eq(incidentEvents.practiceOds, ods), eq(incidentEvents.incidentId, incidentId)))
      .orderBy(asc(incidentEvents.seq))
      .all();
  }

  #chainRows: Database.Statement<[string], ChainRow> | undefined;
  #projectionRows: Database.Statement<[string], ProjectionRow> | undefined;

  /** The whole chain with the personal data held beside it, in seq order, lazily (it may be long). */
  *chain(ods: string): Generator<ChainRow> {
    this.#chainRows ??= this.#db.$client.prepare<[string], ChainRow>(
      `SELECT e.id, e.practice_ods AS practiceOds, e.incident_id AS incidentId, e.seq, e.type,
         e.actor_id AS actorId, e.actor_role AS actorRole, e.key_id AS keyId, e.at, e.payload,
         e.prev_hash AS prevHash, e.hash, e.format, e.commitment, p.salt, p.content
       FROM incident_events e LEFT JOIN event_personal_data p ON p.event_id = e.id
       WHERE e.practice_ods = ? ORDER BY e.seq`,
    );
    yield* this.#chainRows.iterate(ods);
  }

  /** The personal data held beside an incident's events, by event id. */
  personalDataOf(ods: string, incidentId: string): Map<string, HeldPersonalData> {
    const rows = this.#db
      .select({
        eventId: eventPersonalData.eventId,
        salt: eventPersonalData.salt,
        content: eventPersonalData.content,
      })
      .from(eventPersonalData)
      .where(and(eq(eventPersonalData.practiceOds, ods), eq(eventPersonalData.incidentId, incidentId)))
      .all();
    return new Map(rows.map((row) => [row.eventId, { salt: row.salt, content: row.content }]));
  }

  /** Erases the personal data held beside an incident's events (content and salt); returns how many. */
  deletePersonalDataOf(ods: string, incidentId: string): number {
    return this.#db
      .delete(eventPersonalData)
      .where(and(eq(eventPersonalData.practiceOds, ods), eq(eventPersonalData.incidentId, incidentId)))
      .run().changes;
  }

  /** Rewrites a format-1 row's payload without its personal data (format 3; its hash is kept). */
  rewriteLegacyEvent(ods: string, eventId: string, payload: string): void {
    this.#db
      .update(incidentEvents)
      .set({ payload, format: EVENT_FORMAT.legacyRemoved })
      .where(and(eq(incidentEvents.practiceOds, ods), eq(incidentEvents.id, eventId)))
      .run();
  }

  /** After its personal data is removed: the incident's record as its remaining events fold it. */
  replaceIncidentAfterRemoval(incident: Incident, removedAt: string): void {
    this.#db
      .update(incidents)
      .set({ data: JSON.stringify(incident), authorRef: null, personalDataRemovedAt: removedAt })
      .where(and(eq(incidents.practiceOds, incident.practiceOds), eq(incidents.id, incident.id)))
      .run();
  }

  setLegalHold(ods: string, incidentId: string, legalHold: boolean): void {
    this.#db
      .update(incidents)
      .set({ legalHold })
      .where(and(eq(incidents.practiceOds, ods), eq(incidents.id, incidentId)))
      .run();
  }

  /** Whether the incident is on legal hold, and when its personal data was last removed. */
  recordState(
    ods: string,
    incidentId: string,
  ): { legalHold: boolean; personalDataRemovedAt: string | null } | undefined {
    return this.#db
      .select({ legalHold: incidents.legalHold, personalDataRemovedAt: incidents.personalDataRemovedAt })
      .from(incidents)
      .where(and(eq(incidents.practiceOds, ods), eq(incidents.id, incidentId)))
      .get();
  }

  /**
   * Closed incidents of the practice closed before `closedBefore`, not on legal hold, with personal
   * data still held (never removed, or events added since it was).
   */
  purgeCandidates(ods: string, closedBefore: string): { id: string; closedAt: string }[] {
    return this.#db.$client
      .prepare<[string, string], { id: string; closedAt: string }>(
        `SELECT id, json_extract(data, '$.closedAt') AS closedAt FROM incidents
         WHERE practice_ods = ? AND state = 'closed' AND legal_hold = 0
           AND json_extract(data, '$.closedAt') < ?
           AND (personal_data_removed_at IS NULL OR personal_data_removed_at < updated_at)
         ORDER BY practice_seq`,
      )
      .all(ods, closedBefore);
  }

  /** Forgets stored idempotent answers that carried the incident (they repeat its personal data). */
  forgetIdempotentAnswersOf(incidentId: string): number {
    return this.#db.$client
      .prepare(`DELETE FROM idempotency_keys WHERE instr(response, ?) > 0`)
      .run(incidentId).changes;
  }

  // ------------------------------------------------------------------ access log and checkpoints

  logAccess(row: typeof accessLog.$inferInsert): void {
    this.#db.insert(accessLog).values(row).run();
  }

  accessLog(
    ods: string,
    filters: { incidentId?: string },
    page: { limit: number; beforeId?: number },
  ): AccessLogRow[] {
    const where: SQL[] = [eq(accessLog.practiceOds, ods)];
    if (filters.incidentId) where.push(eq(accessLog.incidentId, filters.incidentId));
    if (page.beforeId !== undefined) where.push(lt(accessLog.id, page.beforeId));
    return this.#db
      .select()
      .from(accessLog)
      .where(and(...where))
      .orderBy(desc(accessLog.id))
      .limit(page.limit)
      .all();
  }

  insertCheckpoint(row: typeof auditCheckpoints.$inferInsert): void {
    this.#db.insert(auditCheckpoints).values(row).run();
  }

  latestCheckpoint(ods: string): AuditCheckpointRow | undefined {
    return this.#db
      .select()
      .from(auditCheckpoints)
      .where(eq(auditCheckpoints.practiceOds, ods))
      .orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.id))
      .limit(1)
      .get();
  }

  /** Every stored incident projection of the practice, in filing order, lazily — for the audit. */
  *projections(ods: string): Generator<ProjectionRow> {
    this.#projectionRows ??= this.#db.$client.prepare<[string], ProjectionRow>(
      `SELECT id, reference, state, severity, categories, platform, author_ref AS authorRef,
         created_at AS createdAt, updated_at AS updatedAt, version, data, legal_hold AS legalHold
       FROM incidents WHERE practice_ods = ? ORDER BY practice_seq`,
    );
    yield* this.#projectionRows.iterate(ods);
  }

  // ------------------------------------------------------------------ evidence

  #insertChunk: Database.Statement<[string, string, number, Buffer]> | undefined;

  /**
   * Stores an evidence row and its bytes, taken from `chunks` one at a time (each is copied as it is
   * bound, so a caller may hand the same buffer back refilled). Call inside a transaction: bytes that
   * do not add up to `row.size` throw, and the transaction then stores nothing.
   */
  insertEvidence(row: typeof evidence.$inferInsert, chunks: Iterable<Uint8Array>): void {
    this.#db.insert(evidence).values(row).run();
    this.#insertChunk ??= this.#db.$client.prepare(
      'INSERT INTO evidence_chunks (evidence_id, practice_ods, idx, bytes) VALUES (?, ?, ?, ?)',
    );
    let idx = 0;
    let stored = 0;
    for (const chunk of chunks) {
      if (chunk.length === 0) continue;
      stored += chunk.length;
      if (stored > row.size) break;
      const bytes = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.#insertChunk.run(row.id, row.practiceOds, idx, bytes);
      idx += 1;
    }
    if (stored !== row.size)
      throw new Error(
        `evidence ${row.id}: ${stored > row.size ? 'more' : 'fewer'} bytes than its size (${row.size})`,
      );
  }

  /** An evidence row (its bytes are in evidenceChunks). */
  evidence(ods: string, incidentId: string, id: string): EvidenceRow | undefined {
    return this.#db
      .select()
      .from(evidence)
      .where(and(eq(evidence.practiceOds, ods), eq(evidence.incidentId, incidentId), eq(evidence.id, id)))
      .get();
  }

  /** An incident's evidence rows. */
  evidenceOf(ods: string, incidentId: string): EvidenceRow[] {
    return this.#db
      .select()
      .from(evidence)
      .where(and(eq(evidence.practiceOds, ods), eq(evidence.incidentId, incidentId)))
      .orderBy(asc(evidence.createdAt), asc(evidence.id))
      .all();
  }

  #allEvidence: Database.Statement<[string], EvidenceRow> | undefined;

  /** Every evidence row of the practice, one at a time (for the audit). */
  *allEvidence(ods: string): Generator<EvidenceRow> {
    this.#allEvidence ??= this.#db.$client.prepare<[string], EvidenceRow>(
      `SELECT id, practice_ods AS practiceOds, incident_id AS incidentId, kind, media_type AS mediaType, size,
         sha256, captured_at AS capturedAt, created_at AS createdAt, created_by_key AS createdByKey,
         removed_at AS removedAt
       FROM evidence WHERE practice_ods = ? ORDER BY rowid`,
    );
    yield* this.#allEvidence.iterate(ods);
  }

  #chunksOf: Database.Statement<[string, string], EvidenceChunk> | undefined;

  /**
   * An evidence file's chunks in order, one at a time, read in one statement (so from one snapshot).
   * Consume it without awaiting in between: while it is open, this connection cannot write.
   */
  *evidenceChunks(ods: string, evidenceId: string): Generator<EvidenceChunk> {
    this.#chunksOf ??= this.#db.$client.prepare<[string, string], EvidenceChunk>(
      'SELECT idx, bytes FROM evidence_chunks WHERE evidence_id = ? AND practice_ods = ? ORDER BY idx',
    );
    yield* this.#chunksOf.iterate(evidenceId, ods);
  }

  #chunkIndexes: Database.Statement<[string, string], { idx: number }> | undefined;

  /** The indexes of an evidence file's chunks, in order (without reading the bytes). */
  evidenceChunkIndexes(ods: string, evidenceId: string): number[] {
    this.#chunkIndexes ??= this.#db.$client.prepare<[string, string], { idx: number }>(
      'SELECT idx FROM evidence_chunks WHERE evidence_id = ? AND practice_ods = ? ORDER BY idx',
    );
    return this.#chunkIndexes.all(evidenceId, ods).map((row) => row.idx);
  }

  #chunk: Database.Statement<[string, string, number], { bytes: Buffer }> | undefined;

  /** One chunk of an evidence file, or undefined if there is none at `idx` (any more). */
  evidenceChunk(ods: string, evidenceId: string, idx: number): Buffer | undefined {
    this.#chunk ??= this.#db.$client.prepare<[string, string, number], { bytes: Buffer }>(
      'SELECT bytes FROM evidence_chunks WHERE evidence_id = ? AND practice_ods = ? AND idx = ?',
    );
    return this.#chunk.get(evidenceId, ods, idx)?.bytes;
  }

  #orphanChunks: Database.Statement<[string], { evidenceId: string }> | undefined;

  /** Evidence ids of the practice's chunks whose evidence row is missing (for the audit). */
  orphanEvidenceChunks(ods: string): string[] {
    this.#orphanChunks ??= this.#db.$client.prepare<[string], { evidenceId: string }>(
      `SELECT DISTINCT c.evidence_id AS evidenceId FROM evidence_chunks c
       WHERE c.practice_ods = ?
         AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id = c.evidence_id AND e.practice_ods = c.practice_ods)`,
    );
    return this.#orphanChunks.all(ods).map((row) => row.evidenceId);
  }

  /**
   * Removes the bytes of an incident's evidence: its chunks are deleted (secure_delete zeroes them in
   * the file); the row, its hash and size stay, marked removed. Returns how many were removed.
   */
  removeEvidenceBytesOf(ods: string, incidentId: string, at: string): number {
    const ofIncident = and(eq(evidence.practiceOds, ods), eq(evidence.incidentId, incidentId));
    // Every chunk of the incident's evidence, also any left beside a row already marked removed.
    this.#db
      .delete(evidenceChunks)
      .where(
        and(
          eq(evidenceChunks.practiceOds, ods),
          inArray(
            evidenceChunks.evidenceId,
            this.#db.select({ id: evidence.id }).from(evidence).where(ofIncident),
          ),
        ),
      )
      .run();
    return this.#db
      .update(evidence)
      .set({ removedAt: at })
      .where(and(ofIncident, isNull(evidence.removedAt)))
      .run().changes;
  }

  // ------------------------------------------------------------------ idempotency

  idempotent(keyId: string, key: string): typeof idempotencyKeys.$inferSelect | undefined {
    return this.#db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.keyId, keyId), eq(idempotencyKeys.key, key)))
      .get();
  }

  saveIdempotent(row: typeof idempotencyKeys.$inferInsert): void {
    this.#db.insert(idempotencyKeys).values(row).run();
  }

  /** Forgets idempotency keys first used before `before` (ISO time); returns how many. */
  pruneIdempotent(before: string): number {
    return this.#db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run().changes;
  }
}
