import type { ReportInput } from '@policy/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PendingSubmission } from '../draft-store.js';
import { type FieldError, newId, type Problem, retryDelayMs, type Screenshot } from '../model.js';
import { type FiledReport, type SendError, sendReport } from '../submit.js';

export type Mode = 'editing' | 'submitting' | 'pending' | 'success';
export type PendingReason = 'offline' | SendError['code'];

export interface SubmissionOptions {
  /** Where the report goes, read at each attempt. */
  endpoint(): { api: string; practice: string; reportKey: string };
  screenshots(): readonly Screenshot[];
  /** Makes the draft (with the pending submission) durable on the device. */
  persist(): Promise<void>;
  /** The API filed it: the copy on the device goes. */
  discardDraft(): Promise<void>;
  /** The API refused the report as it stands: the fields to fix. */
  invalid(problem: Problem): FieldError[];
  /** Moves focus to the element matching `selector` in the host's shadow root. */
  focus(selector: string): void;
  /** Whether focus is inside the form (an outcome may then move it). */
  hasFocus(): boolean;
  /** The outcomes, as the element's events. */
  pendingEvent(detail: { reason: PendingReason; attempts: number; nextAttemptAt: string | null }): void;
  submittedEvent(filed: FiledReport): void;
  invalidEvent(errors: FieldError[]): void;
}

/** Read afresh each time: the answer changes while a request is in flight. */
const isOffline = (): boolean => globalThis.navigator?.onLine === false;

/**
 * Sending the report: one submission per draft under one Idempotency-Key, written to the device
 * before the network is touched, retried with backoff (or when the device comes back online)
 * until the API answers, and never retried when the answer is final (the report is invalid, or
 * this website is not allowed to send reports).
 */
export class SubmissionController implements ReactiveController {
  mode: Mode = 'editing';
  /** What was submitted, kept until the API files it. */
  pending: PendingSubmission | null = null;
  reason: PendingReason = 'network';
  nextAttemptAt: Date | null = null;
  refusedDetail = '';
  sending = false;
  filed: FiledReport | null = null;
  idempotencyKey = newId();

  private inFlight = false;
  /** Set by a submit or "try now" click: its outcome may take focus. Automatic retries never do. */
  private userAttempt = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SubmissionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
  }

  /** A saved submission from the device: the member of staff already chose to send it. */
  resume(pending: PendingSubmission, idempotencyKey: string): void {
    this.pending = pending;
    this.idempotencyKey = idempotencyKey;
    this.set('pending');
    void this.attempt();
  }

  /** Restores an unsent draft's key, so its eventual submission is the same request. */
  adopt(idempotencyKey: string): void {
    this.idempotencyKey = idempotencyKey;
  }

  /** A valid report was submitted: keep it on the device, then send it. */
  async submit(report: ReportInput): Promise<void> {
    if (this.mode !== 'editing') return;
    this.userAttempt = true;
    this.pending = { report, attempts: 0, queuedAt: new Date().toISOString() };
    this.set('submitting');
    // The copy on the device is durable before the network is touched: nothing is lost if the
    // tab is closed or the device dies mid-request.
    await this.options.persist();
    await this.attempt();
  }

  retryNow = (): void => {
    if (this.mode !== 'pending') return;
    this.userAttempt = true;
    void this.attempt();
  };

  /** A new report: a new key, nothing pending. */
  reset(): void {
    clearTimeout(this.retryTimer);
    this.pending = null;
    this.filed = null;
    this.nextAttemptAt = null;
    this.idempotencyKey = newId();
    this.mode = 'editing';
  }

  private onOnline = (): void => {
    // A refusal of this website is not about the connection: coming back online changes nothing.
    if (this.mode === 'pending' && this.reason !== 'origin_refused') void this.attempt();
  };

  private set(mode: Mode): void {
    this.mode = mode;
    this.host.requestUpdate();
  }

  private scheduleRetry(delayMs: number | null): void {
    clearTimeout(this.retryTimer);
    this.nextAttemptAt = delayMs === null ? null : new Date(Date.now() + delayMs);
    if (delayMs !== null) this.retryTimer = setTimeout(() => void this.attempt(), delayMs);
  }

  private async attempt(): Promise<void> {
    const pending = this.pending;
    if (!pending || this.inFlight) return;
    clearTimeout(this.retryTimer);
    if (isOffline()) {
      // Waiting for the `online` event costs nothing; polling a dead network would.
      await this.hold('offline', null);
      return;
    }
    this.inFlight = true;
    this.sending = true;
    this.host.requestUpdate();
    const result = await sendReport({
      ...this.options.endpoint(),
      idempotencyKey: this.idempotencyKey,
      report: pending.report,
      screenshots: this.options.screenshots(),
    });
    this.inFlight = false;
    this.sending = false;
    if (result.ok) {
      await this.succeed(result.value);
      return;
    }
    const error = result.error;
    pending.attempts += 1;
    switch (error.code) {
      case 'invalid': {
        // Nothing was filed: back to editing with the API's reasons on the fields, under a new
        // key because the corrected report is a different request.
        this.pending = null;
        this.idempotencyKey = newId();
        this.set('editing');
        const errors = this.options.invalid(error.problem);
        const focus = this.takeFocus();
        await this.host.updateComplete;
        if (focus) this.options.focus('.error-summary');
        await this.options.persist();
        this.options.invalidEvent(errors);
        return;
      }
      case 'rate_limited':
        await this.hold('rate_limited', error.retryAfterMs ?? retryDelayMs(pending.attempts, Math.random()));
        return;
      case 'origin_refused':
        // Final until the practice manager allows this website: no automatic retry at all.
        await this.hold('origin_refused', null);
        return;
      case 'refused':
        this.refusedDetail = error.problem.detail ?? error.problem.title ?? String(error.status);
        await this.hold('refused', retryDelayMs(pending.attempts + 4, Math.random()));
        return;
      default:
        await this.hold(
          isOffline() ? 'offline' : error.code,
          isOffline() ? null : retryDelayMs(pending.attempts, Math.random()),
        );
    }
  }

  private async hold(reason: PendingReason, delayMs: number | null): Promise<void> {
    const entering = this.mode !== 'pending';
    this.reason = reason;
    this.scheduleRetry(delayMs);
    this.set('pending');
    // Focus first, the moment the panel is drawn (the button that had it is gone): only after a
    // click on our button, never when a saved report resumes on its own.
    const focus = this.takeFocus();
    await this.host.updateComplete;
    if (entering && focus) this.options.focus('#pending-title');
    await this.options.persist();
    this.options.pendingEvent({
      reason,
      attempts: this.pending?.attempts ?? 0,
      nextAttemptAt: this.nextAttemptAt?.toISOString() ?? null,
    });
  }

  /** Whether this outcome answers the member of staff's own click (then it may move focus). */
  private takeFocus(): boolean {
    const mine = this.userAttempt || this.options.hasFocus();
    this.userAttempt = false;
    return mine;
  }

  private async succeed(filed: FiledReport): Promise<void> {
    clearTimeout(this.retryTimer);
    this.filed = filed;
    this.pending = null;
    this.set('success');
    const focus = this.takeFocus();
    await this.host.updateComplete;
    if (focus) this.options.focus('#success-title');
    // Only now, with the API's acknowledgement in hand, does the copy on the device go.
    await this.options.discardDraft();
    this.options.submittedEvent(filed);
  }
}
