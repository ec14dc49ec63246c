import type { Category, Classification, Locale, Platform, Severity } from '@policy/core';
import { MAX_POST_TEXT_LENGTH } from '@policy/core/limits';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { classifyRemote } from '../live-classify.js';
import type { PolicyWords } from './policy-words.controller.js';

export type LiveState =
  | { status: 'idle' }
  | { status: 'ready'; text: string; result: Classification }
  | { status: 'unavailable' }
  | { status: 'offline' }
  /** Over core's limit: the API would refuse it, so it is not sent until shortened. */
  | { status: 'too_long' };

export interface LiveClassificationOptions {
  /** Where and what to classify, read when the request goes. */
  request(): { api: string; practice: string; reportKey: string; text: string; platform: Platform | '' };
  /** The categories found changed (not on every keystroke): say so to screen readers. */
  changed(categories: Category[]): void;
  /** Core's words, once loaded (controllers/policy-words.controller.ts). */
  words(): PolicyWords | undefined;
}

/** Long enough that a typist pausing mid-word sends one request, short enough to feel live. */
const CLASSIFY_DEBOUNCE_MS = 400;

/**
 * The live "what the policy sees" panel's data: the API classifies the text as it is typed
 * (debounced, the previous request aborted); the policy's words for what it found are core's.
 */
export class LiveClassificationController implements ReactiveController {
  state: LiveState = { status: 'idle' };

  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private lastAnnounced = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveClassificationOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  /** The text or platform changed: classify once typing pauses. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.now(), CLASSIFY_DEBOUNCE_MS);
  }

  async now(): Promise<void> {
    this.abort?.abort();
    clearTimeout(this.timer);
    const request = this.options.request();
    const text = request.text;
    if (text.trim() === '') {
      this.set({ status: 'idle' });
      this.announce([]);
      return;
    }
    if (text.length > MAX_POST_TEXT_LENGTH) {
      this.set({ status: 'too_long' });
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    const outcome = await classifyRemote({
      api: request.api,
      practice: request.practice,
      reportKey: request.reportKey,
      text,
      platform: request.platform || undefined,
      signal: abort.signal,
    });
    if (abort.signal.aborted || text !== this.options.request().text) return; // typing moved on
    if (outcome.ok) {
      this.set({ status: 'ready', text, result: outcome.result });
      this.announce(outcome.result.categories.map((finding) => finding.id));
    } else if (outcome.reason === 'rate_limited') {
      // Keep what is shown and look again once the API allows it.
      this.timer = setTimeout(() => void this.now(), outcome.retryAfterMs);
    } else if (outcome.reason !== 'aborted') {
      this.set({ status: outcome.reason });
    }
  }

  /** A new report: nothing classified yet. */
  reset(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.state = { status: 'idle' };
    this.lastAnnounced = '';
  }

  /** "threat of violence or harm" → "Threat of violence or harm"; the id until the words load. */
  categoryName(id: Category, locale: Locale): string {
    const words = this.options.words();
    return words ? words.capitalise(words.CATEGORY_LABELS[locale][id]) : id.replace(/_/g, ' ');
  }

  categoryMeaning(id: Category, locale: Locale): string | undefined {
    return this.options.words()?.CATEGORY_MEANINGS[locale][id];
  }

  severityName(severity: Severity, locale: Locale): string {
    const words = this.options.words();
    return words ? words.capitalise(words.SEVERITY_LABELS[locale][severity]) : severity;
  }

  private set(state: LiveState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Screen readers hear the categories only when the set changes, not on every keystroke. */
  private announce(categories: Category[]): void {
    const key = categories.join(',');
    if (key === this.lastAnnounced) return;
    const first = this.lastAnnounced === '' && categories.length === 0;
    this.lastAnnounced = key;
    if (!first) this.options.changed(categories);
  }
}
