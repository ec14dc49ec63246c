import type { Category, Classification, Platform, Severity } from '@policy/core';
import { PLATFORMS, POST_LOCATIONS } from '@policy/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { apiOrigin } from '../shared/config.js';
import { fill } from '../shared/i18n.js';
import { emit, PolicyElement } from '../shared/policy-element.js';
import { baseStyles } from '../shared/styles.js';
import { type DraftStore, openDraftStore, type StoredDraft } from './draft-store.js';
import { classifyRemote } from './live-classify.js';
import {
  emptyFields,
  errorsFromProblem,
  type FieldError,
  type FieldName,
  MAX_SCREENSHOT_BYTES,
  MAX_SCREENSHOTS,
  MAX_TEXT_LENGTH,
  newId,
  type ReportFields,
  retryDelayMs,
  SCREENSHOT_TYPES,
  type Screenshot,
  sniffImageType,
  toLocalInputValue,
  toReportInput,
  validate,
} from './model.js';
import { reportFormStyles } from './report-form.styles.js';
import { EN_TEXT, type LocaleText, type Strings } from './strings.js';
import { type FiledReport, type SendError, sendReport } from './submit.js';

type Mode = 'editing' | 'submitting' | 'pending' | 'success';
type PendingReason = 'offline' | SendError['code'];
type LiveState =
  | { status: 'idle' }
  | { status: 'ready'; text: string; result: Classification }
  | { status: 'unavailable' }
  | { status: 'offline' };
type CategoryTextModule = typeof import('./category-text.js');
type WelshText = typeof import('./strings-cy.js');

/** detail of `policy-report-submitted`. */
export type PolicyReportSubmittedDetail = FiledReport;
/** detail of `policy-report-pending`. */
export interface PolicyReportPendingDetail {
  reason: PendingReason;
  attempts: number;
  /** When the next automatic try is due (ISO), or null when it waits for the `online` event. */
  nextAttemptAt: string | null;
}
/** detail of `policy-report-invalid`. */
export interface PolicyReportInvalidDetail {
  source: 'form' | 'server';
  errors: FieldError[];
}
/** detail of `policy-report-restored`. */
export interface PolicyReportRestoredDetail {
  pending: boolean;
  savedAt: string;
}

/** Long enough that a typist pausing mid-word sends one request, short enough to feel live. */
const CLASSIFY_DEBOUNCE_MS = 400;
const SAVE_DEBOUNCE_MS = 300;
const EXCERPT_CONTEXT = 32;

/** The first input of each field, where an error summary link sends focus. */
const FOCUS_TARGET: Record<FieldName, string> = {
  platform: 'f-platform',
  postUrl: 'f-postUrl',
  seenAt: 'f-seenAt',
  location: `f-location-${POST_LOCATIONS[0]}`,
  authorName: 'f-authorName',
  authorHandle: 'f-authorHandle',
  authorPatient: 'f-authorPatient-patient',
  authorStaff: 'f-authorStaff',
  text: 'f-text',
  affectsPractice: 'f-affectsPractice',
  affectsStaff: 'f-affectsStaff',
  staffNames: 'f-staffNames',
  affectsPatients: 'f-affectsPatients',
  atRisk: 'f-atRisk-yes',
  reporterName: 'f-reporterName',
  reporterRole: 'f-reporterRole',
  screenshots: 'f-screenshots',
};

/** `2026-11-25-093015` in the device's time, for naming pasted screenshots. */
const pastedStamp = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
};

const extensionOf = (type: string): string => ({ 'image/jpeg': 'jpg', 'image/webp': 'webp' })[type] ?? 'png';

/** Read afresh each time: the answer changes while a request is in flight. */
const isOffline = (): boolean => globalThis.navigator?.onLine === false;

const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * The form a member of practice staff uses to report a social media post. It shows what the policy
 * sees in the text as it is typed, keeps the whole draft (screenshots included) on the device, files
 * the report once however often it is submitted, and retries until the API acknowledges it.
 *
 * @summary Staff form to report a worrying social media post.
 *
 * @attr practice - ODS code of the practice, e.g. `A81001`.
 * @attr report-key - The practice's publishable report key (`rk_…`), sent as `X-Report-Key`.
 * @attr api - API origin; defaults to the origin the widget script was served from.
 * @attr lang - `en-GB` or `cy`; defaults to the practice's locale.
 *
 * @fires policy-report-submitted - The API filed the report (201). detail: `{ id, reference, classification, nextSteps }`
 * @fires policy-report-pending - A submit failed (offline, network, 5xx, rate limit, refused key); the report is kept on the device and retried. detail: `{ reason, attempts, nextAttemptAt }`
 * @fires policy-report-invalid - The form or the API found problems to fix. detail: `{ source: 'form' | 'server', errors: [{ field, message }] }`
 * @fires policy-report-restored - An unsent draft was found on the device and put back. detail: `{ pending, savedAt }`
 *
 * @csspart root - The outer container.
 * @csspart form - The `<form>` element.
 * @csspart title - The form's heading.
 * @csspart error-summary - The GOV.UK-style list of problems shown after an invalid submit.
 * @csspart section - Each group of questions (also `section-<name>`).
 * @csspart risk-alert - The emergency advice shown at once when someone is at risk.
 * @csspart classification - The live "what the policy sees" panel.
 * @csspart dropzone - The screenshot picker and drop area.
 * @csspart screenshots - The list of attached screenshots.
 * @csspart submit - The send button.
 * @csspart notice - The "restored draft" and "saved" notices.
 * @csspart pending - The panel shown while a submitted report waits on the device to be sent.
 * @csspart success - The confirmation with the reference number and first steps.
 *
 * @cssproperty [--policy-font-family=Frutiger, Arial, sans-serif] - Text font.
 * @cssproperty [--policy-color-text=#212b32] - Body text.
 * @cssproperty [--policy-color-secondary-text=#4c6272] - Hints.
 * @cssproperty [--policy-color-primary=#005eb8] - Accents, radio and checkbox fill.
 * @cssproperty [--policy-color-surface=#fff] - Background.
 * @cssproperty [--policy-color-surface-alt=#f0f4f5] - Panel backgrounds.
 * @cssproperty [--policy-color-input-border=#4c6272] - Input borders.
 * @cssproperty [--policy-color-focus=#ffeb3b] - Focus highlight.
 * @cssproperty [--policy-color-focus-text=#212b32] - Focus underline and outline.
 * @cssproperty [--policy-color-error=#d5281b] - Errors.
 * @cssproperty [--policy-color-emergency=#d5281b] - The at-risk advice.
 * @cssproperty [--policy-color-button=#007f3b] - The send button.
 * @cssproperty [--policy-color-success=#007f3b] - The confirmation panel.
 * @cssproperty [--policy-color-warning=#ffb81c] - The waiting-to-send panel border.
 * @cssproperty [--policy-form-max-width=44rem] - Widest the form grows.
 */
export class PolicyReportForm extends PolicyElement {
  static override styles = [baseStyles, reportFormStyles];

  static override properties = {
    ...PolicyElement.properties,
    reportKey: { type: String, attribute: 'report-key' },
    mode: { state: true },
    fields: { state: true },
    screenshots: { state: true },
    errors: { state: true },
    shotErrors: { state: true },
    live: { state: true },
    announcement: { state: true },
    pendingReason: { state: true },
    nextAttemptAt: { state: true },
    refusedDetail: { state: true },
    sending: { state: true },
    filed: { state: true },
    restoredAt: { state: true },
    savedAt: { state: true },
    storage: { state: true },
    dragging: { state: true },
    welsh: { state: true },
    categoryText: { state: true },
  };

  /** The practice's publishable report key (`rk_…`). */
  declare reportKey: string | undefined;

  declare private mode: Mode;
  declare private fields: ReportFields;
  declare private screenshots: Screenshot[];
  declare private errors: FieldError[];
  declare private shotErrors: string[];
  declare private live: LiveState;
  declare private announcement: string;
  declare private pendingReason: PendingReason;
  declare private nextAttemptAt: Date | null;
  declare private refusedDetail: string;
  declare private sending: boolean;
  declare private filed: FiledReport | null;
  declare private restoredAt: Date | null;
  declare private savedAt: Date | null;
  declare private storage: 'unknown' | 'ok' | 'none';
  declare private dragging: boolean;
  /** The Welsh chunk once loaded; null when it could not be (English is shown instead). */
  declare private welsh: WelshText | null | undefined;
  /** Category names and reasons, from the classifier chunk once it has loaded. */
  declare private categoryText: CategoryTextModule['CATEGORY_TEXT'] | undefined;
  declare private severityText: CategoryTextModule['SEVERITY_LABELS'] | undefined;

  private idempotencyKey = newId();
  private pending: StoredDraft['pending'] = null;
  private dirty = false;
  private store: Promise<DraftStore | null> | null = null;
  private draftKey = '';
  private saveChain: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private classifyTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private categoryTextLoad: Promise<CategoryTextModule | null> | undefined;
  private classifyAbort: AbortController | undefined;
  private lastAnnounced = '';
  private inFlight = false;
  /** Set by a submit or "try now" click: its outcome may take focus. Automatic retries never do. */
  private userAttempt = false;
  private bitmaps = new Map<string, ImageBitmap>();
  private welshLoad: Promise<void> | undefined;

  constructor() {
    super();
    this.mode = 'editing';
    this.fields = emptyFields(new Date());
    this.screenshots = [];
    this.errors = [];
    this.shotErrors = [];
    this.live = { status: 'idle' };
    this.announcement = '';
    this.pendingReason = 'network';
    this.nextAttemptAt = null;
    this.refusedDetail = '';
    this.sending = false;
    this.filed = null;
    this.restoredAt = null;
    this.savedAt = null;
    this.storage = 'unknown';
    this.dragging = false;
  }

  private get odsCode(): string {
    return (this.practice ?? '').trim().toUpperCase();
  }

  /** The text tables for the current locale; English until (or unless) the Welsh chunk loads. */
  private get words(): LocaleText {
    return this.locale === 'cy' && this.welsh ? this.welsh.CY_TEXT : EN_TEXT;
  }

  private get text(): Strings {
    return this.words.form;
  }

  private loadWelsh(): void {
    this.welshLoad ??= import('./strings-cy.js').then(
      (module) => {
        this.welsh = module;
      },
      () => {
        this.welsh = null;
        this.welshLoad = undefined;
      },
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.onOnline);
    globalThis.addEventListener('pagehide', this.flushSave);
    document.addEventListener('visibilitychange', this.flushSave);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.onOnline);
    globalThis.removeEventListener('pagehide', this.flushSave);
    document.removeEventListener('visibilitychange', this.flushSave);
    clearTimeout(this.classifyTimer);
    this.classifyAbort?.abort();
    clearTimeout(this.retryTimer);
    this.flushSave();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.locale === 'cy' && this.welsh === undefined) this.loadWelsh();
    if (changed.has('practice') || changed.has('api')) {
      const key = `${apiOrigin(this.api)}|${(this.practice ?? '').trim().toUpperCase()}`;
      if (key !== this.draftKey) {
        this.draftKey = key;
        void this.restore(key);
      }
    }
  }

  protected override updated(): void {
    this.drawThumbnails();
  }

  // ------------------------------------------------------------------ the draft on the device

  private openStore(): Promise<DraftStore | null> {
    this.store ??= openDraftStore().then((store) => {
      this.storage = store ? 'ok' : 'none';
      return store;
    });
    return this.store;
  }

  private async restore(key: string): Promise<void> {
    const store = await this.openStore();
    if (!store || key !== this.draftKey) return;
    let draft: StoredDraft | null = null;
    try {
      draft = await store.load(key);
    } catch {
      draft = null;
    }
    if (!draft || key !== this.draftKey) return;
    // Typing that began before the store answered wins over an older editing draft; a submitted
    // (pending) report always comes back, because the member of staff already chose to send it.
    if (this.dirty && !draft.pending) return;
    this.fields = { ...emptyFields(new Date()), ...draft.fields };
    this.screenshots = draft.screenshots;
    this.idempotencyKey = draft.idempotencyKey;
    this.pending = draft.pending;
    this.restoredAt = new Date(draft.savedAt);
    this.savedAt = new Date(draft.savedAt);
    this.dirty = true;
    for (const shot of draft.screenshots) void this.decode(shot);
    if (this.fields.text.trim() !== '') void this.classifyNow();
    emit<PolicyReportRestoredDetail>(this, 'policy-report-restored', {
      pending: draft.pending !== null,
      savedAt: draft.savedAt,
    });
    if (draft.pending) {
      this.mode = 'pending';
      void this.attempt();
    }
  }

  private snapshot(): StoredDraft {
    return {
      key: this.draftKey,
      fields: this.fields,
      screenshots: this.screenshots,
      idempotencyKey: this.idempotencyKey,
      pending: this.pending,
      savedAt: new Date().toISOString(),
    };
  }

  /** Writes the draft now; resolves when it is durable (or storage is unavailable). */
  private persist(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.dirty) return this.saveChain;
    const draft = this.snapshot();
    this.saveChain = this.saveChain.then(async () => {
      const store = await this.openStore();
      if (!store) return;
      try {
        await store.save(draft);
        this.savedAt = new Date(draft.savedAt);
      } catch {
        this.storage = 'none';
      }
    });
    return this.saveChain;
  }

  private scheduleSave(): void {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.persist(), SAVE_DEBOUNCE_MS);
  }

  private flushSave = (): void => {
    if (this.saveTimer !== undefined) void this.persist();
  };

  private async discardDraft(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const store = await this.openStore();
    await this.saveChain;
    try {
      await store?.remove(this.draftKey);
    } catch {
      // nothing more to do: a stale draft is offered again next time, which loses nothing
    }
  }

  private startNewReport(keepReporter: boolean): void {
    const fresh = emptyFields(new Date());
    if (keepReporter) {
      fresh.reporterName = this.fields.reporterName;
      fresh.reporterRole = this.fields.reporterRole;
    }
    this.fields = fresh;
    this.screenshots = [];
    this.bitmaps.clear();
    this.errors = [];
    this.shotErrors = [];
    this.live = { status: 'idle' };
    this.announcement = '';
    this.lastAnnounced = '';
    this.pending = null;
    this.idempotencyKey = newId();
    this.restoredAt = null;
    this.savedAt = null;
    this.filed = null;
    this.dirty = false;
    this.mode = 'editing';
  }

  // ------------------------------------------------------------------ typing

  private onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name as keyof ReportFields;
    if (!name || !(name in this.fields) || this.mode !== 'editing') return;
    const value =
      target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    if (this.fields[name] === value) return;
    this.fields = { ...this.fields, [name]: value };
    this.scheduleSave();
    if (name === 'text' || name === 'platform') this.scheduleClassify();
  };

  private scheduleClassify(): void {
    clearTimeout(this.classifyTimer);
    this.classifyTimer = setTimeout(() => void this.classifyNow(), CLASSIFY_DEBOUNCE_MS);
  }

  /** Category names and reasons: a small lazy chunk, fetched when the text field is first used. */
  private loadCategoryText(): Promise<CategoryTextModule | null> {
    this.categoryTextLoad ??= import('./category-text.js').then(
      (module) => {
        this.categoryText = module.CATEGORY_TEXT;
        this.severityText = module.SEVERITY_LABELS;
        return module;
      },
      () => {
        this.categoryTextLoad = undefined; // try again next time (e.g. back online)
        return null;
      },
    );
    return this.categoryTextLoad;
  }

  private async classifyNow(): Promise<void> {
    this.classifyAbort?.abort();
    clearTimeout(this.classifyTimer);
    const text = this.fields.text;
    if (text.trim() === '') {
      this.live = { status: 'idle' };
      this.announce([]);
      return;
    }
    const abort = new AbortController();
    this.classifyAbort = abort;
    const [outcome] = await Promise.all([
      classifyRemote({
        api: apiOrigin(this.api),
        practice: this.odsCode,
        reportKey: this.reportKey ?? '',
        text,
        platform: (this.fields.platform || undefined) as Platform | undefined,
        signal: abort.signal,
      }),
      this.loadCategoryText(),
    ]);
    if (abort.signal.aborted || text !== this.fields.text) return; // typing moved on
    if (outcome.ok) {
      this.live = { status: 'ready', text, result: outcome.result };
      this.announce(outcome.result.categories.map((finding) => finding.id));
    } else if (outcome.reason === 'rate_limited') {
      // Keep what is shown and look again once the API allows it.
      this.classifyTimer = setTimeout(() => void this.classifyNow(), outcome.retryAfterMs);
    } else if (outcome.reason !== 'aborted') {
      this.live = { status: outcome.reason };
    }
  }

  /** Screen readers hear the categories only when the set changes, not on every keystroke. */
  private announce(categories: Category[]): void {
    const key = categories.join(',');
    if (key === this.lastAnnounced) return;
    const first = this.lastAnnounced === '' && categories.length === 0;
    this.lastAnnounced = key;
    if (first) return;
    const names = categories.map((id) => this.categoryName(id));
    this.announcement =
      names.length === 0
        ? this.text.classifyAnnounceNone
        : fill(this.text.classifyAnnounce, { list: names.join(', ') });
  }

  private categoryName(id: Category): string {
    return this.categoryText?.[this.locale][id]?.name ?? id.replace(/_/g, ' ');
  }

  private severityName(severity: Severity): string {
    return this.severityText?.[this.locale][severity] ?? severity;
  }

  // ------------------------------------------------------------------ screenshots

  private async decode(shot: Screenshot): Promise<boolean> {
    if (this.bitmaps.has(shot.id)) return true;
    try {
      // Decoding also proves the file is a picture; drawing a bitmap into a canvas needs no
      // blob: or data: URL, so thumbnails work under a strict img-src policy.
      // Browsers without the resize options (older Safari) still decode at full size.
      const bitmap = await createImageBitmap(shot.blob, { resizeHeight: 192, resizeQuality: 'medium' }).catch(
        () => createImageBitmap(shot.blob),
      );
      this.bitmaps.set(shot.id, bitmap);
      this.requestUpdate();
      return true;
    } catch {
      return false;
    }
  }

  private drawThumbnails(): void {
    const canvases = this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-shot]');
    for (const canvas of canvases) {
      const id = canvas.dataset.shot ?? '';
      const bitmap = this.bitmaps.get(id);
      if (!bitmap || canvas.dataset.drawn === id) continue;
      const scale = globalThis.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(canvas.clientWidth * scale));
      const height = Math.max(1, Math.round(canvas.clientHeight * scale));
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) continue;
      const fit = Math.min(width / bitmap.width, height / bitmap.height);
      const w = bitmap.width * fit;
      const h = bitmap.height * fit;
      context.drawImage(bitmap, (width - w) / 2, (height - h) / 2, w, h);
      canvas.dataset.drawn = id;
    }
  }

  private async addFiles(files: readonly File[], source: 'picker' | 'drop' | 'paste'): Promise<void> {
    if (this.mode !== 'editing' || files.length === 0) return;
    const problems: string[] = [];
    const added: Screenshot[] = [];
    for (const file of files) {
      // A pasted screenshot is always "image.png": name it after the moment and its place instead.
      const name =
        source === 'paste' || !file.name
          ? `screenshot-${pastedStamp(new Date())}-${this.screenshots.length + added.length + 1}.${extensionOf(file.type)}`
          : file.name;
      if (this.screenshots.length + added.length >= MAX_SCREENSHOTS) {
        problems.push(fill(this.text.errScreenshotCount, { max: MAX_SCREENSHOTS }));
        break;
      }
      if (file.size > MAX_SCREENSHOT_BYTES) {
        problems.push(fill(this.text.errScreenshotSize, { name }));
        continue;
      }
      const type = sniffImageType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      const shot: Screenshot | null = type ? { id: newId(), name, type, size: file.size, blob: file } : null;
      if (!shot || !(await this.decode(shot))) {
        problems.push(fill(this.text.errScreenshotType, { name }));
        continue;
      }
      added.push(shot);
    }
    this.shotErrors = problems;
    if (added.length > 0) {
      this.screenshots = [...this.screenshots, ...added];
      this.errors = this.errors.filter((error) => error.field !== 'screenshots');
      this.scheduleSave();
    }
    const said = added.map((shot) => fill(this.text.screenshotAdded, { name: shot.name }));
    this.announcement = [...said, ...problems].join(' ');
  }

  private onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = ''; // choosing the same file again after removing it should work
    void this.addFiles(files, 'picker');
  };

  private onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  private onDragLeave = (): void => {
    this.dragging = false;
  };

  private onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = false;
    void this.addFiles(Array.from(event.dataTransfer.files), 'drop');
  };

  private onPaste = (event: ClipboardEvent): void => {
    const data = event.clipboardData;
    if (!data) return;
    const images = Array.from(data.files).filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    // A copied screenshot has no text; text pasted alongside a picture still goes in the field.
    if (!data.types.includes('text/plain')) event.preventDefault();
    void this.addFiles(images, 'paste');
  };

  private removeShot(shot: Screenshot): void {
    const index = this.screenshots.indexOf(shot);
    this.screenshots = this.screenshots.filter((other) => other !== shot);
    this.bitmaps.get(shot.id)?.close();
    this.bitmaps.delete(shot.id);
    this.shotErrors = [];
    this.announcement = fill(this.text.screenshotRemoved, { name: shot.name });
    this.scheduleSave();
    // Keep the keyboard user in place: the next picture's remove button, else the picker.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-remove]');
      const next = buttons[Math.min(index, buttons.length - 1)];
      (next ?? this.renderRoot.querySelector<HTMLInputElement>('#f-screenshots'))?.focus();
    });
  }

  // ------------------------------------------------------------------ submitting

  private onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // One report per draft: while a submit is in flight or waiting to retry, more clicks do nothing.
    if (this.mode !== 'editing') return;
    const errors = validate(this.fields, this.text, new Date());
    if (errors.length > 0) {
      this.errors = errors;
      emit<PolicyReportInvalidDetail>(this, 'policy-report-invalid', { source: 'form', errors });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.errors = [];
    this.userAttempt = true;
    this.pending = { report: toReportInput(this.fields), attempts: 0, queuedAt: new Date().toISOString() };
    this.mode = 'submitting';
    this.dirty = true;
    // The copy on the device is durable before the network is touched: nothing is lost if the
    // tab is closed or the device dies mid-request.
    await this.persist();
    await this.attempt();
  };

  private onOnline = (): void => {
    if (this.mode === 'pending') void this.attempt();
  };

  private retryNow = (): void => {
    if (this.mode !== 'pending') return;
    this.userAttempt = true;
    void this.attempt();
  };

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
      await this.holdPending('offline', null);
      return;
    }
    this.inFlight = true;
    this.sending = true;
    const result = await sendReport({
      api: apiOrigin(this.api),
      practice: this.odsCode,
      reportKey: this.reportKey ?? '',
      idempotencyKey: this.idempotencyKey,
      report: pending.report,
      screenshots: this.screenshots,
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
        this.mode = 'editing';
        this.errors = errorsFromProblem(error.problem, this.text);
        const focus = this.takeFocus();
        await this.updateComplete;
        if (focus) this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
        await this.persist();
        emit<PolicyReportInvalidDetail>(this, 'policy-report-invalid', {
          source: 'server',
          errors: this.errors,
        });
        return;
      }
      case 'rate_limited':
        await this.holdPending(
          'rate_limited',
          error.retryAfterMs ?? retryDelayMs(pending.attempts, Math.random()),
        );
        return;
      case 'refused':
        this.refusedDetail = error.problem.detail ?? error.problem.title ?? String(error.status);
        await this.holdPending('refused', retryDelayMs(pending.attempts + 4, Math.random()));
        return;
      default:
        await this.holdPending(
          isOffline() ? 'offline' : error.code,
          isOffline() ? null : retryDelayMs(pending.attempts, Math.random()),
        );
    }
  }

  private async holdPending(reason: PendingReason, delayMs: number | null): Promise<void> {
    const entering = this.mode !== 'pending';
    this.mode = 'pending';
    this.pendingReason = reason;
    this.scheduleRetry(delayMs);
    // Focus first, the moment the panel is drawn (the button that had it is gone): only after a
    // click on our button, never when a saved report resumes on its own.
    const focus = this.takeFocus();
    await this.updateComplete;
    if (entering && focus) this.renderRoot.querySelector<HTMLElement>('#pending-title')?.focus();
    await this.persist();
    emit<PolicyReportPendingDetail>(this, 'policy-report-pending', {
      reason,
      attempts: this.pending?.attempts ?? 0,
      nextAttemptAt: this.nextAttemptAt?.toISOString() ?? null,
    });
  }

  /** Whether this outcome answers the member of staff's own click (then it may move focus). */
  private takeFocus(): boolean {
    const mine = this.userAttempt || this.matches(':focus-within');
    this.userAttempt = false;
    return mine;
  }

  private async succeed(filed: FiledReport): Promise<void> {
    clearTimeout(this.retryTimer);
    this.filed = filed;
    this.pending = null;
    void this.loadCategoryText(); // for the category names on the confirmation
    this.mode = 'success';
    const focus = this.takeFocus();
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('#success-title')?.focus();
    // Only now, with the API's acknowledgement in hand, does the copy on the device go.
    await this.discardDraft();
    this.dirty = false;
    emit<PolicyReportSubmittedDetail>(this, 'policy-report-submitted', filed);
  }

  private onAnother = async (): Promise<void> => {
    this.startNewReport(true);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  };

  private onDiscardRestored = async (): Promise<void> => {
    await this.discardDraft();
    this.startNewReport(false);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  };

  private onSummaryClick = (event: Event): void => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-target]');
    if (!link) return;
    // Fragment links cannot reach into a shadow root: move focus ourselves.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${link.dataset.target}`)?.focus();
  };

  // ------------------------------------------------------------------ rendering

  private errorOf(field: FieldName): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  private describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
    const list = ids.filter(Boolean).join(' ');
    return list === '' ? nothing : list;
  }

  private errorLine(field: FieldName): TemplateResult | typeof nothing {
    const message = this.errorOf(field);
    return message
      ? html`<span class="error-message" id="e-${field}"
          ><span class="visually-hidden">${this.text.errorPrefix}</span> ${message}</span
        >`
      : nothing;
  }

  private textInput(
    name: 'postUrl' | 'authorName' | 'authorHandle' | 'staffNames' | 'reporterName' | 'reporterRole',
    label: string,
    options: { hint?: string; type?: string; autocomplete?: string; spellcheck?: boolean } = {},
  ): TemplateResult {
    const error = this.errorOf(name);
    return html`<div class="group ${error ? 'has-error' : ''}">
      <label class="label" for="f-${name}">${label}</label>
      ${options.hint ? html`<span class="hint" id="h-${name}">${options.hint}</span>` : nothing}
      ${this.errorLine(name)}
      <input
        id="f-${name}"
        name=${name}
        type=${options.type ?? 'text'}
        .value=${this.fields[name]}
        autocomplete=${options.autocomplete ?? 'off'}
        spellcheck=${options.spellcheck === false ? 'false' : 'true'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(options.hint && `h-${name}`, error && `e-${name}`)}
      />
    </div>`;
  }

  private radios<V extends string>(
    name: 'atRisk' | 'location' | 'authorPatient',
    legend: string,
    choices: readonly { value: V; label: string }[],
    options: { hint?: string; inline?: boolean; legendClass?: string } = {},
  ): TemplateResult {
    const error = this.errorOf(name);
    return html`<fieldset
      class="group ${error ? 'has-error' : ''}"
      aria-describedby=${this.describedBy(options.hint && `h-${name}`, error && `e-${name}`)}
    >
      <legend class=${options.legendClass ?? ''}>${legend}</legend>
      ${options.hint ? html`<span class="hint" id="h-${name}">${options.hint}</span>` : nothing}
      ${this.errorLine(name)}
      <div class="choices ${options.inline ? 'inline' : ''}">
        ${choices.map(
          (choice) => html`<div class="choice">
            <input
              type="radio"
              id="f-${name}-${choice.value}"
              name=${name}
              value=${choice.value}
              .checked=${this.fields[name] === choice.value}
            />
            <label for="f-${name}-${choice.value}">${choice.label}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private checkbox(
    name: 'authorStaff' | 'affectsPractice' | 'affectsStaff' | 'affectsPatients',
    label: string,
    hint?: string,
  ): TemplateResult {
    return html`<div class="choice">
      <input
        type="checkbox"
        id="f-${name}"
        name=${name}
        .checked=${this.fields[name]}
        aria-describedby=${this.describedBy(hint && `h-${name}`)}
      />
      <div>
        <label for="f-${name}">${label}</label>
        ${hint ? html`<span class="hint" id="h-${name}">${hint}</span>` : nothing}
      </div>
    </div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    return html`<div
      class="error-summary"
      part="error-summary"
      tabindex="-1"
      role="alert"
      aria-labelledby="error-summary-title"
      @click=${this.onSummaryClick}
    >
      <h2 id="error-summary-title">${this.text.errorSummaryTitle}</h2>
      <ul>
        ${this.errors.map((error) =>
          error.field
            ? html`<li>
                <a href="#${FOCUS_TARGET[error.field]}" data-target=${FOCUS_TARGET[error.field]}>${error.message}</a>
              </li>`
            : html`<li>${error.message}</li>`,
        )}
      </ul>
    </div>`;
  }

  /** `sent`: on the confirmation, without "then finish this report". */
  private renderRisk(sent = false): TemplateResult {
    const t = this.text;
    // The alert region is always in the page so assistive technology announces its content the
    // moment "Yes" is chosen.
    return html`<div class="risk ${this.fields.atRisk === 'yes' ? 'on' : ''}" part="risk-alert" role="alert">
      ${
        this.fields.atRisk === 'yes'
          ? html`<h3>${t.riskTitle}</h3>
            <ul>
              <li>${t.risk999}</li>
              <li>${t.riskPolice}</li>
              <li>${t.riskSafeguarding}</li>
              <li>${t.riskManager}</li>
              ${sent ? nothing : html`<li>${t.riskThenReport}</li>`}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderExcerpt(text: string, start: number, end: number, excerpt: string): TemplateResult {
    const inBounds = start >= 0 && end <= text.length && start < end;
    if (!inBounds) return html`“<mark>${excerpt}</mark>”`;
    const from = Math.max(0, start - EXCERPT_CONTEXT);
    const to = Math.min(text.length, end + EXCERPT_CONTEXT);
    return html`“${from > 0 ? '…' : ''}${text.slice(from, start)}<mark>${text.slice(start, end)}</mark>${text.slice(
      end,
      to,
    )}${to < text.length ? '…' : ''}”`;
  }

  private renderLive(): TemplateResult {
    const t = this.text;
    const locale = this.locale;
    const live = this.live;
    let body: TemplateResult;
    if (live.status === 'unavailable') body = html`<p>${t.classifyUnavailable}</p>`;
    else if (live.status === 'offline') body = html`<p>${t.classifyOffline}</p>`;
    else if (live.status === 'idle') body = html`<p class="muted">${t.classifyWaiting}</p>`;
    else if (live.result.categories.length === 0) body = html`<p>${t.classifyEmpty}</p>`;
    else
      body = html`<ul class="findings">
          ${live.result.categories.map((finding) => {
            const why = this.categoryText?.[locale][finding.id]?.why;
            return html`<li data-category=${finding.id}>
              <span class="finding-name">${this.categoryName(finding.id)}</span
              ><span class="tag tag-${finding.severity}"
                ><span class="visually-hidden">${t.severity}: </span>${this.severityName(finding.severity)}</span
              >
              ${why ? html`<p>${why}</p>` : nothing}
              ${finding.evidence.slice(0, 2).map(
                (span) =>
                  html`<p class="excerpt">
                    <span class="muted">${t.matched}:</span> ${this.renderExcerpt(
                      live.text,
                      span.start,
                      span.end,
                      span.excerpt,
                    )}
                  </p>`,
              )}
            </li>`;
          })}
        </ul>
        <p class="muted">${t.classifyNote}</p>`;
    return html`<section class="live" part="classification" aria-labelledby="live-title">
      <h3 id="live-title">${t.classifyTitle}</h3>
      ${body}
    </section>`;
  }

  private renderShots(removable: boolean): TemplateResult | typeof nothing {
    if (this.screenshots.length === 0) return nothing;
    return html`<ul class="shots" part="screenshots">
      ${this.screenshots.map(
        (shot) => html`<li>
          <canvas data-shot=${shot.id} role="img" aria-label=${shot.name}></canvas>
          <span class="shot-name">${shot.name} <span class="muted">(${formatSize(shot.size)})</span></span>
          ${
            removable
              ? html`<button type="button" class="link-button" data-remove=${shot.id} @click=${() => this.removeShot(shot)}>
                ${this.text.screenshotRemove}<span class="visually-hidden"> ${shot.name}</span>
              </button>`
              : nothing
          }
        </li>`,
      )}
    </ul>`;
  }

  private renderScreenshots(): TemplateResult {
    const t = this.text;
    const error = this.errorOf('screenshots');
    const problems = [...(error ? [error] : []), ...this.shotErrors];
    return html`<fieldset class="section" part="section section-screenshots">
      <legend>${t.sectionScreenshots}</legend>
      <div class="group ${problems.length > 0 ? 'has-error' : ''}">
        <span class="hint" id="h-screenshots">${t.screenshotsHint}</span>
        ${problems.map(
          (problem, i) =>
            html`<span class="error-message" id=${i === 0 ? 'e-screenshots' : `e-screenshots-${i}`}
              ><span class="visually-hidden">${t.errorPrefix}</span> ${problem}</span
            >`,
        )}
        <div
          class="dropzone ${this.dragging ? 'dragging' : ''}"
          part="dropzone"
          @dragover=${this.onDragOver}
          @dragleave=${this.onDragLeave}
          @drop=${this.onDrop}
        >
          <label class="label" for="f-screenshots">${t.screenshotsPick}</label>
          <input
            id="f-screenshots"
            type="file"
            multiple
            accept=${SCREENSHOT_TYPES.join(',')}
            aria-describedby=${this.describedBy('h-screenshots', problems.length > 0 && 'e-screenshots')}
            @change=${this.onPick}
          />
          <span class="hint" aria-hidden="true">${t.screenshotsDrop}</span>
        </div>
        ${this.renderShots(true)}
      </div>
    </fieldset>`;
  }

  private renderForm(): TemplateResult {
    const t = this.text;
    const f = this.fields;
    const submitting = this.mode === 'submitting';
    const textError = this.errorOf('text');
    const platformError = this.errorOf('platform');
    const seenError = this.errorOf('seenAt');
    return html`<form
      part="form"
      novalidate
      aria-labelledby="title"
      aria-busy=${submitting ? 'true' : 'false'}
      @input=${this.onInput}
      @change=${this.onInput}
      @submit=${this.onSubmit}
      @paste=${this.onPaste}
    >
      <h2 id="title" part="title" tabindex="-1">${t.title}</h2>
      <p class="intro">${t.intro}</p>
      ${
        this.restoredAt
          ? html`<div class="notice" part="notice">
            <p>${fill(t.draftRestored, { time: this.formatTime(this.restoredAt, true) })}</p>
            <p><button type="button" class="link-button" @click=${this.onDiscardRestored}>${t.draftDiscard}</button></p>
          </div>`
          : nothing
      }
      ${this.storage === 'none' ? html`<div class="notice" part="notice"><p>${t.noStorage}</p></div>` : nothing}
      ${this.renderErrorSummary()}

      <div class="section" part="section section-risk">
        ${this.radios(
          'atRisk',
          t.atRisk,
          [
            { value: 'yes', label: t.riskYes },
            { value: 'no', label: t.riskNo },
          ],
          { hint: t.atRiskHint, inline: true, legendClass: 'section-legend' },
        )}
        ${this.renderRisk()}
      </div>

      <fieldset class="section" part="section section-post">
        <legend>${t.sectionPost}</legend>
        <div class="group ${platformError ? 'has-error' : ''}">
          <label class="label" for="f-platform">${t.platform}</label>
          ${this.errorLine('platform')}
          <select
            id="f-platform"
            name="platform"
            aria-invalid=${platformError ? 'true' : 'false'}
            aria-describedby=${this.describedBy(platformError && 'e-platform')}
          >
            <option value="" ?selected=${f.platform === ''}>${t.platformChoose}</option>
            ${PLATFORMS.map(
              (platform) =>
                html`<option value=${platform} ?selected=${f.platform === platform}>
                  ${this.words.platforms[platform]}
                </option>`,
            )}
          </select>
        </div>
        ${this.textInput('postUrl', t.postUrl, { hint: t.postUrlHint, type: 'url', spellcheck: false })}
        <div class="group ${seenError ? 'has-error' : ''}">
          <label class="label" for="f-seenAt">${t.seenAt}</label>
          <span class="hint" id="h-seenAt">${t.seenAtHint}</span>
          ${this.errorLine('seenAt')}
          <input
            id="f-seenAt"
            name="seenAt"
            type="datetime-local"
            .value=${f.seenAt}
            max=${toLocalInputValue(new Date())}
            aria-invalid=${seenError ? 'true' : 'false'}
            aria-describedby=${this.describedBy('h-seenAt', seenError && 'e-seenAt')}
          />
        </div>
        ${this.radios(
          'location',
          t.location,
          POST_LOCATIONS.map((value) => ({ value, label: this.words.locations[value] })),
          { hint: t.locationHint },
        )}
      </fieldset>

      <fieldset class="section" part="section section-text">
        <legend>${t.sectionText}</legend>
        <div class="group ${textError ? 'has-error' : ''}">
          <label class="label" for="f-text">${t.text}</label>
          <span class="hint" id="h-text">${t.textHint}</span>
          ${this.errorLine('text')}
          <textarea
            id="f-text"
            name="text"
            rows="6"
            maxlength=${MAX_TEXT_LENGTH}
            .value=${f.text}
            aria-invalid=${textError ? 'true' : 'false'}
            aria-describedby=${this.describedBy('h-text', textError && 'e-text')}
            @focus=${() => void this.loadCategoryText()}
          ></textarea>
        </div>
        ${this.renderLive()}
      </fieldset>

      ${this.renderScreenshots()}

      <fieldset class="section" part="section section-author">
        <legend>${t.sectionAuthor}</legend>
        ${this.textInput('authorName', t.authorName)}
        ${this.textInput('authorHandle', t.authorHandle, { hint: t.authorHandleHint, spellcheck: false })}
        ${this.radios(
          'authorPatient',
          t.authorPatient,
          [
            { value: 'patient', label: t.yes },
            { value: 'public', label: t.no },
            { value: 'unknown', label: t.unknown },
          ],
          { inline: true },
        )}
        <div class="group">${this.checkbox('authorStaff', t.authorStaff, t.authorStaffHint)}</div>
      </fieldset>

      <fieldset class="section" part="section section-affects" aria-describedby="h-affects">
        <legend>${t.sectionAffects}</legend>
        <span class="hint" id="h-affects">${t.affectsHint}</span>
        <div class="choices">
          ${this.checkbox('affectsPractice', t.affectsPractice)} ${this.checkbox('affectsStaff', t.affectsStaff)}
          ${
            f.affectsStaff
              ? html`<div class="conditional">
                ${this.textInput('staffNames', t.affectsStaffNames, { hint: t.affectsStaffNamesHint })}
              </div>`
              : nothing
          }
          ${this.checkbox('affectsPatients', t.affectsPatients)}
        </div>
      </fieldset>

      <fieldset class="section" part="section section-reporter">
        <legend>${t.sectionReporter}</legend>
        ${this.textInput('reporterName', t.reporterName, { autocomplete: 'name', spellcheck: false })}
        ${this.textInput('reporterRole', t.reporterRole, { hint: t.reporterRoleHint, autocomplete: 'organization-title' })}
      </fieldset>

      <div class="footer">
        <button
          class="button"
          part="submit"
          type="submit"
          aria-disabled=${submitting ? 'true' : 'false'}
        >
          ${submitting ? t.submitting : t.submit}
        </button>
        ${
          this.savedAt
            ? html`<span class="muted" part="notice">${fill(t.savedAt, { time: this.formatTime(this.savedAt, false) })}</span>`
            : nothing
        }
      </div>
    </form>`;
  }

  private renderPending(): TemplateResult {
    const t = this.text;
    const report = this.pending?.report;
    const reason =
      this.pendingReason === 'offline'
        ? t.pendingOffline
        : this.pendingReason === 'rate_limited'
          ? t.pendingRateLimited
          : this.pendingReason === 'refused'
            ? fill(t.pendingRefused, { detail: this.refusedDetail })
            : this.pendingReason === 'server'
              ? t.pendingBusy
              : t.pendingServer;
    const excerpt = report ? (report.text.length > 160 ? `${report.text.slice(0, 160)}…` : report.text) : '';
    return html`<section class="panel pending" part="pending" aria-labelledby="pending-title">
      <h2 id="pending-title" tabindex="-1">${t.pendingTitle}</h2>
      <p>${t.pendingBody}</p>
      <p role="status">
        ${reason}
        ${this.nextAttemptAt ? fill(t.pendingRetryAt, { time: this.formatTime(this.nextAttemptAt, false) }) : nothing}
      </p>
      ${
        report
          ? html`<dl class="saved">
            <dt class="label">${t.platform}</dt>
            <dd>${this.words.platforms[report.platform]}</dd>
            <dt class="label">${t.text}</dt>
            <dd><q>${excerpt}</q></dd>
          </dl>`
          : nothing
      }
      ${this.renderShots(false)}
      <button
        type="button"
        class="button button-secondary"
        aria-disabled=${this.sending ? 'true' : 'false'}
        @click=${this.retryNow}
      >
        ${this.sending ? t.submitting : t.retryNow}
      </button>
    </section>`;
  }

  private stepsOf(filed: FiledReport): string[] {
    const welsh = this.locale === 'cy' ? this.welsh?.ACTION_TEXT_CY : undefined;
    if (welsh && filed.classification.recommendedActions.length > 0) {
      return filed.classification.recommendedActions.map(
        (action) => (welsh as Record<string, string>)[action.id] ?? action.text,
      );
    }
    if (filed.nextSteps.length > 0) return filed.nextSteps;
    return filed.classification.recommendedActions.map((action) => action.text);
  }

  private renderSuccess(filed: FiledReport): TemplateResult {
    const t = this.text;
    const steps = this.stepsOf(filed);
    const categories = filed.classification.categories;
    return html`<section class="panel" part="success" aria-labelledby="success-title">
      <div class="confirmation">
        <h2 id="success-title" tabindex="-1">${t.successTitle}</h2>
        <p>${t.successReference}<strong class="reference" data-reference>${filed.reference}</strong></p>
      </div>
      ${this.fields.atRisk === 'yes' ? this.renderRisk(true) : nothing}
      <h3>${t.successSteps}</h3>
      ${steps.length > 0 ? html`<ol class="steps">${steps.map((step) => html`<li>${step}</li>`)}</ol>` : nothing}
      <h3>${t.successCategories}</h3>
      ${
        categories.length === 0
          ? html`<p>${t.successNone}</p>`
          : html`<ul>
            ${categories.map(
              (finding) =>
                html`<li data-category=${finding.id}>
                  ${this.categoryName(finding.id)} (${this.severityName(finding.severity)})
                </li>`,
            )}
          </ul>`
      }
      <button type="button" class="button button-secondary" @click=${this.onAnother}>${t.another}</button>
    </section>`;
  }

  private formatTime(date: Date, withDate: boolean): string {
    const options: Intl.DateTimeFormatOptions = withDate
      ? { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }
      : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
    return new Intl.DateTimeFormat(this.locale, options).format(date);
  }

  protected override render(): TemplateResult {
    let body: TemplateResult;
    if (this.mode === 'success' && this.filed) body = this.renderSuccess(this.filed);
    else if (this.mode === 'pending') body = this.renderPending();
    else body = this.renderForm();
    return html`<div class="root" part="root" lang=${this.locale}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'policy-report-submitted': CustomEvent<PolicyReportSubmittedDetail>;
    'policy-report-pending': CustomEvent<PolicyReportPendingDetail>;
    'policy-report-invalid': CustomEvent<PolicyReportInvalidDetail>;
    'policy-report-restored': CustomEvent<PolicyReportRestoredDetail>;
  }
}
