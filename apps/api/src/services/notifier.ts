import { performance } from 'node:perf_hooks';
import {
  alertsAtOnce,
  alertsOf,
  type Category,
  type ChaseSubject,
  chaseDeadlines,
  chaseKey,
  type Deadline,
  deadlineDigest,
  type PracticeSettings,
  type Severity,
  type State,
} from '@policy/core';
import { uuidv7 } from '../db/ids.js';
import { type DueDelivery, notificationStore } from '../db/notification-store.js';
import type { OutboxEventRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { LogLine } from '../http/env.js';
import {
  type DeadlineNotification,
  DIGEST_EVENT_TYPE,
  type IncidentNotification,
  type IncidentUpdatedNotification,
  TEST_EVENT_TYPE,
  WEBHOOK_EVENT_TYPES,
} from '../schemas/notifications.js';
import {
  createMailer,
  type DigestData,
  type DigestItem,
  deadlineAlertEmail,
  digestEmail,
  type Email,
  incidentAlertEmail,
  type Mailer,
  type SmtpConfig,
} from './email-alerts.js';
import { settingsOf } from './lifecycle.js';
import { enqueue, incidentData, onEnqueued } from './outbox.js';
import { DELIVERY_TIMEOUT_MS, type DeliveryOutcome, deliverWebhook } from './webhook-delivery.js';
import { defaultWebhookPolicy, type WebhookPolicy } from './webhook-guard.js';

// The dispatcher: fans each outbox event out to deliveries (the practice's webhook endpoints that
// subscribe to it, and its alert addresses when email is on), then makes each delivery — at least
// once, retrying with exponential backoff and jitter, until it succeeds or 8 attempts have failed
// (about a day). It runs in the server process, off the request path: requests only insert the
// outbox row; everything here runs later, on timers, through the same group-committed writes.
// A SIGKILL loses nothing: an event not yet fanned out, or a delivery not yet recorded as made,
// is still in the database and is (re)delivered after the restart (receivers de-duplicate on
// `webhook-id`).
//
// It also chases deadlines: every minute it asks @policy/core which running deadlines are
// approaching or missed and writes one outbox entry per deadline and kind (a unique key), and each
// morning it writes the email digest of what is due today and what was missed.

/** Waits after attempts 1…7 before the next: ×~3.2 each, 1 min to 16 h — 8 attempts over about a day. */
export const RETRY_DELAYS_MS = [
  60_000,
  3 * 60_000,
  10 * 60_000,
  30 * 60_000,
  90 * 60_000,
  5 * 3_600_000,
  16 * 3_600_000,
] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Each wait is the schedule's ± 20 %, so endpoints that failed together do not all retry at once. */
export const RETRY_JITTER = 0.2;

export interface NotifierOptions {
  store: Store;
  clock?: () => Date;
  log?: (line: LogLine) => void;
  policy?: WebhookPolicy;
  /** Email alerts; null or absent: email is off and alerts go to webhooks only. */
  smtp?: SmtpConfig | null;
  /** The server's public base URL, for the desk link in emails (POLICY_PUBLIC_URL). */
  publicUrl?: string;
  retryDelaysMs?: readonly number[];
  jitter?: number;
  /** How often to look for due retries when nothing has woken the dispatcher. */
  pollMs?: number;
  /** How often to chase deadlines (and check whether the morning digest is due). */
  chaseEveryMs?: number;
  /** Local (UK) time the daily digest goes out, HH:MM. */
  digestAt?: string;
  /** Deliveries in flight at once. */
  concurrency?: number;
  /**
   * The dispatcher's share of a busy process: while the event loop is busier than this (0–1),
   * requests come first — deliveries go two at a time and passes are spaced out, and any
   * backlog is caught up once the load eases. 1 turns it off.
   */
  yieldAbove?: number;
  deliveryTimeoutMs?: number;
  /** Test seam: how email is sent (defaults to nodemailer over `smtp`). */
  mailer?: Mailer;
}

type Outcome = DeliveryOutcome;

export class Notifier {
  readonly policy: WebhookPolicy;
  readonly emailEnabled: boolean;
  readonly #store: Store;
  readonly #notes;
  readonly #clock: () => Date;
  readonly #log: (line: LogLine) => void;
  readonly #options: NotifierOptions;
  readonly #mailer: Mailer | undefined;
  readonly #retryDelays: readonly number[];
  readonly #inFlight = new Map<string, Promise<void>>();
  #timers: NodeJS.Timeout[] = [];
  #unsubscribe: (() => void) | undefined;
  #kickScheduled = false;
  #pumping: Promise<void> | undefined;
  #pumpAgain = false;
  #stopped = true;
  #lastPumpAt = 0;
  #elu = performance.eventLoopUtilization();
  #busy = false;

  constructor(options: NotifierOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#notes = notificationStore(options.store.db);
    this.#clock = options.clock ?? (() => new Date());
    this.#log = options.log ?? (() => {});
    this.policy = options.policy ?? defaultWebhookPolicy();
    this.#mailer = options.mailer ?? (options.smtp ? createMailer(options.smtp) : undefined);
    this.emailEnabled = this.#mailer !== undefined;
    this.#retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  }

  get running(): boolean {
    return !this.#stopped;
  }

  /** Starts the timers and wakes on every outbox write. Delivers whatever was left pending at once. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#unsubscribe = onEnqueued(this.#store.db.$client, () => this.#kick());
    const every = (ms: number, fn: () => void) => {
      const timer = setInterval(fn, ms);
      timer.unref();
      this.#timers.push(timer);
    };
    every(this.#options.pollMs ?? 1000, () => this.#kick());
    every(this.#options.chaseEveryMs ?? 60_000, () => {
      void this.chase().catch((error: unknown) => this.#fail('chase', error));
    });
    this.#kick();
    void this.chase().catch((error: unknown) => this.#fail('chase', error));
  }

  /**
   * Stops timers and waits (at most `graceMs`) for deliveries in flight. Anything unfinished stays
   * pending in the database and is delivered after the next start.
   */
  async stop(graceMs = 2000): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    this.#unsubscribe?.();
    const settled = Promise.allSettled([this.#pumping, ...this.#inFlight.values()]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    this.#mailer?.close();
  }

  /** One pass: fan out new events, make every due delivery, and wait for them. For tests and tools. */
  async runOnce(): Promise<void> {
    await this.#fanOut();
    this.#startDue();
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  /** Repeats passes until nothing is due (retries scheduled later do not count) or `timeoutMs` passes. */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await this.runOnce();
      if (this.#inFlight.size === 0 && !this.#notes.hasWork(this.#clock().toISOString())) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  #fail(what: string, error: unknown): void {
    this.#log({
      time: new Date().toISOString(),
      level: 'error',
      msg: `notifications: ${what} failed`,
      error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
    });
  }

  /**
   * Runs a pump soon (after the current transaction has committed: never inside it). Passes are at
   * least 5 ms apart (50 ms while the process is busy with requests), so under load one pass fans
   * out and starts a batch instead of one pass per report.
   */
  #kick(): void {
    if (this.#stopped || this.#kickScheduled) return;
    this.#kickScheduled = true;
    const gap = (this.#busy ? 50 : 5) - (performance.now() - this.#lastPumpAt);
    const run = () => {
      this.#kickScheduled = false;
      void this.#pump();
    };
    if (gap > 0) setTimeout(run, gap);
    else setImmediate(run);
  }

  /** Whether requests are keeping the event loop busy (measured since the last pass). */
  #measureBusy(): void {
    const now = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(now, this.#elu);
    // Judge over at least 50 ms of history, or a single busy pass would decide it.
    if (since.idle + since.active >= 50) {
      this.#busy = since.utilization > (this.#options.yieldAbove ?? 0.9);
      this.#elu = now;
    }
  }

  async #pump(): Promise<void> {
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    this.#lastPumpAt = performance.now();
    this.#measureBusy();
    this.#pumping = (async () => {
      try {
        await this.#fanOut();
        if (!this.#stopped) this.#startDue();
      } catch (error) {
        this.#fail('dispatch', error);
      }
    })();
    await this.#pumping;
    this.#pumping = undefined;
    if (this.#pumpAgain) {
      this.#pumpAgain = false;
      this.#kick();
    }
  }

  // ---------------------------------------------------------------- fan-out

  async #fanOut(): Promise<void> {
    for (;;) {
      const events = this.#notes.unfannedEvents(200);
      if (events.length === 0) return;
      await this.#store.write(() => {
        for (const event of events) this.#fanOutOne(event);
      });
      if (events.length < 200) return;
    }
  }

  #fanOutOne(event: OutboxEventRow): void {
    const notes = this.#notes;
    const base = {
      eventId: event.id,
      practiceOds: event.practiceOds,
      nextAttemptAt: this.#now(),
      createdAt: this.#now(),
    };
    if (event.endpointId) {
      if (notes.endpoint(event.practiceOds, event.endpointId))
        notes.insertDelivery({
          ...base,
          id: uuidv7(),
          channel: 'webhook',
          endpointId: event.endpointId,
          recipient: null,
        });
    } else if ((WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type)) {
      for (const endpoint of notes.endpointsOf(event.practiceOds)) {
        // Endpoints receive what happened after they were registered, of the types they asked for.
        if (endpoint.createdAt > event.createdAt) continue;
        const events = JSON.parse(endpoint.events) as string[];
        if (events.length > 0 && !events.includes(event.type)) continue;
        notes.insertDelivery({
          ...base,
          id: uuidv7(),
          channel: 'webhook',
          endpointId: endpoint.id,
          recipient: null,
        });
      }
    }
    if (this.emailEnabled && this.#wantsEmail(event))
      for (const address of this.#alertsOf(event.practiceOds)?.emails ?? [])
        notes.insertDelivery({
          ...base,
          id: uuidv7(),
          channel: 'email',
          endpointId: null,
          recipient: address,
        });
    notes.markFanned(event.id);
  }

  #now(): string {
    return this.#clock().toISOString();
  }

  #settings(ods: string): PracticeSettings | undefined {
    const practice = this.#store.practiceSettings(ods);
    return practice ? settingsOf(practice) : undefined;
  }

  #alertsOf(ods: string) {
    const settings = this.#settings(ods);
    return settings ? alertsOf(settings) : undefined;
  }

  /** Which announcements become an email: what reaches the alert level, deadlines of such incidents, the digest. */
  #wantsEmail(event: OutboxEventRow): boolean {
    const alerts = this.#alertsOf(event.practiceOds);
    if (!alerts || alerts.emails.length === 0) return false;
    if (event.type === DIGEST_EVENT_TYPE) return true;
    if (event.type === 'incident.created' || event.type.startsWith('deadline.')) {
      const data = JSON.parse(event.data) as IncidentNotification;
      return alertsAtOnce(data.severity, alerts);
    }
    if (event.type === 'incident.updated') {
      const data = JSON.parse(event.data) as IncidentUpdatedNotification;
      return alertsAtOnce(data.severity, alerts) && !alertsAtOnce(data.previous.severity, alerts);
    }
    return false;
  }

  // ---------------------------------------------------------------- deliveries

  #startDue(): void {
    const limit = this.#busy
      ? Math.min(2, this.#options.concurrency ?? 16)
      : (this.#options.concurrency ?? 16);
    const capacity = limit - this.#inFlight.size;
    if (capacity <= 0) return;
    const due = this.#notes.dueDeliveries(this.#now(), capacity + this.#inFlight.size);
    let started = 0;
    for (const delivery of due) {
      if (started >= capacity) break;
      if (this.#inFlight.has(delivery.id)) continue;
      started += 1;
      const running = this.#attempt(delivery)
        .catch((error: unknown) => this.#fail('delivery', error))
        .finally(() => {
          this.#inFlight.delete(delivery.id);
          this.#kick();
        });
      this.#inFlight.set(delivery.id, running);
    }
  }

  async #attempt(delivery: DueDelivery): Promise<void> {
    const outcome = await this.#make(delivery);
    const attempts = delivery.attempts + 1;
    const at = this.#now();
    const status = outcome.delivered ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    const nextAttemptAt =
      status === 'pending'
        ? new Date(this.#clock().getTime() + this.#delayAfter(attempts)).toISOString()
        : null;
    const history = JSON.parse(delivery.history) as unknown[];
    history.push({
      attempt: attempts,
      at,
      ...(outcome.responseStatus !== undefined ? { responseStatus: outcome.responseStatus } : {}),
      ...(outcome.error ? { error: outcome.error.slice(0, 300) } : {}),
      ms: outcome.ms,
    });
    const lastResult = (outcome.error ?? outcome.result ?? null)?.slice(0, 1024) ?? null;
    await this.#store.write(() =>
      this.#notes.recordAttempt({
        id: delivery.id,
        status,
        attempts,
        at,
        nextAttemptAt,
        responseStatus: outcome.responseStatus ?? null,
        lastResult,
        history: JSON.stringify(history),
      }),
    );
    // Ids and outcomes only: never the URL (it may hold a token), the address, or the payload.
    this.#log({
      time: at,
      level: status === 'failed' ? 'warn' : 'info',
      msg: 'notification',
      channel: delivery.channel,
      type: delivery.type,
      eventId: delivery.eventId,
      deliveryId: delivery.id,
      ...(delivery.endpointId ? { endpointId: delivery.endpointId } : {}),
      attempt: attempts,
      status,
      ...(outcome.responseStatus !== undefined ? { responseStatus: outcome.responseStatus } : {}),
      ms: outcome.ms,
    });
  }

  #delayAfter(attempts: number): number {
    const delays = this.#retryDelays;
    const base = delays[Math.min(attempts, delays.length) - 1] ?? delays[delays.length - 1] ?? 60_000;
    const jitter = this.#options.jitter ?? RETRY_JITTER;
    return Math.round(base * (1 - jitter + Math.random() * 2 * jitter));
  }

  async #make(delivery: DueDelivery): Promise<Outcome> {
    const message = {
      id: delivery.eventId,
      type: delivery.type,
      timestamp: delivery.eventCreatedAt,
      data: JSON.parse(delivery.data),
    };
    if (delivery.channel === 'webhook') {
      if (!delivery.url || !delivery.secret || delivery.endpointDeletedAt)
        return { delivered: false, error: 'endpoint deleted', ms: 0 };
      return deliverWebhook(
        { url: delivery.url, secret: delivery.secret },
        message,
        this.policy,
        // Signed with the wall clock: receivers check webhook-timestamp against theirs.
        () => new Date(),
        this.#options.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS,
      );
    }
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const email = this.#compose(delivery);
    if (!email || !this.#mailer || !delivery.recipient)
      return { delivered: false, error: 'nothing to send', ms: 0 };
    try {
      const sent = await this.#mailer.send(delivery.recipient, email);
      return { delivered: sent.accepted, result: sent.response.slice(0, 1024), ms: ms() };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      return {
        delivered: false,
        ...(code ? { responseStatus: code } : {}),
        error: error instanceof Error ? error.message : 'send failed',
        ms: ms(),
      };
    }
  }

  #compose(delivery: DueDelivery): Email | undefined {
    const settings = this.#settings(delivery.practiceOds);
    if (!settings) return undefined;
    const publicUrl = this.#options.publicUrl;
    const practiceName = settings.name;
    if (delivery.type === DIGEST_EVENT_TYPE)
      return digestEmail({ practiceName, data: JSON.parse(delivery.data) as DigestData, publicUrl });
    const data = JSON.parse(delivery.data) as IncidentNotification;
    const incident = this.#store.incident(delivery.practiceOds, data.incidentId)?.incident;
    if (delivery.type === 'deadline.approaching' || delivery.type === 'deadline.missed')
      return deadlineAlertEmail({
        practiceName,
        kind: delivery.type === 'deadline.missed' ? 'missed' : 'approaching',
        data: data as DeadlineNotification,
        incident,
        publicUrl,
      });
    return incidentAlertEmail({
      practiceName,
      data,
      incident,
      escalated: delivery.type === 'incident.updated',
      publicUrl,
    });
  }

  // ---------------------------------------------------------------- deadlines

  /**
   * Chases deadlines at `at` (now by default): one `deadline.approaching` / `deadline.missed` entry
   * per deadline and kind, ever; and the day's email digest once it is `digestAt` in the UK.
   */
  async chase(at = this.#clock()): Promise<number> {
    const iso = at.toISOString();
    const byPractice = new Map<
      string,
      (ChaseSubject & { row: { reference: string; categories: Category[] } })[]
    >();
    for (const row of this.#notes.openIncidentsWithDeadlines()) {
      const list = byPractice.get(row.practiceOds) ?? [];
      list.push({
        id: row.id,
        state: row.state as State,
        severity: row.severity as Severity,
        deadlines: JSON.parse(row.deadlines) as Deadline[],
        row: { reference: row.reference, categories: JSON.parse(row.categories) as Category[] },
      });
      byPractice.set(row.practiceOds, list);
    }
    const digestDue = this.emailEnabled && localMinutes(at) >= parseHhMm(this.#options.digestAt ?? '07:00');
    const practices = new Set(byPractice.keys());
    let written = 0;
    await this.#store.write(() => {
      for (const ods of practices) {
        const settings = this.#settings(ods);
        if (!settings) continue;
        const subjects = byPractice.get(ods) ?? [];
        for (const chase of chaseDeadlines(subjects, iso, settings)) {
          const dedupeKey = `deadline:${chaseKey(chase)}`;
          // A deadline long missed is found every minute: skip it before reading its incident.
          if (this.#notes.announced(dedupeKey)) continue;
          const found = this.#store.incident(ods, chase.incidentId);
          if (!found) continue;
          const data: DeadlineNotification = {
            ...incidentData(found.incident),
            deadline: { kind: chase.deadline.kind, due: chase.deadline.due },
            businessMinutesLeft: chase.businessMinutesLeft,
          };
          const id = enqueue(this.#store, {
            practiceOds: ods,
            type: chase.kind === 'missed' ? 'deadline.missed' : 'deadline.approaching',
            data,
            at: iso,
            dedupeKey,
          });
          if (id) written += 1;
        }
        if (digestDue && alertsOf(settings).emails.length > 0) {
          const digest = deadlineDigest(subjects, iso);
          if (digest.dueToday.length + digest.missed.length === 0) continue;
          const item = (entry: (typeof digest.dueToday)[number]): DigestItem => {
            const subject = subjects.find((candidate) => candidate.id === entry.incidentId);
            return {
              incidentId: entry.incidentId,
              reference: subject?.row.reference ?? '',
              severity: entry.severity,
              categories: subject?.row.categories ?? [],
              deadline: { kind: entry.deadline.kind, due: entry.deadline.due },
            };
          };
          const date = localDate(at);
          const data: DigestData = {
            practiceOds: ods,
            date,
            dueToday: digest.dueToday.map(item),
            missed: digest.missed.map(item),
          };
          if (
            enqueue(this.#store, {
              practiceOds: ods,
              type: DIGEST_EVENT_TYPE,
              data,
              at: iso,
              dedupeKey: `digest:${ods}:${date}`,
            })
          )
            written += 1;
        }
      }
    });
    return written;
  }
}

/** Queues a test delivery to one endpoint, fanned out at once so the answer can name the delivery. */
export function queueTestDelivery(
  store: Store,
  endpoint: { id: string; practiceOds: string },
  at: string,
): { deliveryId: string; eventId: string } {
  const eventId = enqueue(store, {
    practiceOds: endpoint.practiceOds,
    type: TEST_EVENT_TYPE,
    data: {
      practiceOds: endpoint.practiceOds,
      webhookId: endpoint.id,
      message: 'A test delivery: if your receiver verified this signature, it is ready.',
    },
    at,
    endpointId: endpoint.id,
  });
  if (!eventId) throw new Error('test event not written');
  const notes = notificationStore(store.db);
  const deliveryId = uuidv7();
  notes.insertDelivery({
    id: deliveryId,
    eventId,
    practiceOds: endpoint.practiceOds,
    channel: 'webhook',
    endpointId: endpoint.id,
    recipient: null,
    nextAttemptAt: at,
    createdAt: at,
  });
  notes.markFanned(eventId);
  return { deliveryId, eventId };
}

const londonParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const part = (date: Date, type: string) =>
  londonParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
const localDate = (date: Date) => `${part(date, 'year')}-${part(date, 'month')}-${part(date, 'day')}`;
const localMinutes = (date: Date) => Number(part(date, 'hour')) * 60 + Number(part(date, 'minute'));
const parseHhMm = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 7) * 60 + (m ?? 0);
};
