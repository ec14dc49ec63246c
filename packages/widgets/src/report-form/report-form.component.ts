import type { Category } from '@policy/core';
import { PLATFORMS, POST_LOCATIONS } from '@policy/core/constants';
import { MAX_EVIDENCE_BYTES, MAX_POST_TEXT_LENGTH, MAX_SCREENSHOTS } from '@policy/core/limits';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { apiOrigin } from '../shared/config.js';
import { fill } from '../shared/i18n.js';
import { emit, PolicyElement } from '../shared/policy-element.js';
import { baseStyles } from '../shared/styles.js';
import { DraftController } from './controllers/draft.controller.js';
import { LiveClassificationController } from './controllers/live-classification.controller.js';
import { type PolicyWords, PolicyWordsController } from './controllers/policy-words.controller.js';
import { ScreenshotsController } from './controllers/screenshots.controller.js';
import { type PendingReason, SubmissionController } from './controllers/submission.controller.js';
import type { StoredDraft } from './draft-store.js';
import {
  authorKind,
  characterCount,
  emptyFields,
  errorsFromProblem,
  type FieldError,
  type FieldName,
  formatCount,
  type ReportFields,
  toLocalInputValue,
  toReportInput,
  validate,
} from './model.js';
import { reportFormStyles } from './report-form.styles.js';
import { EN, type Strings } from './strings.js';
import type { FiledReport } from './submit.js';
import {
  checkbox,
  describedBy,
  errorLine,
  errorOf,
  errorSummary,
  type FieldContext,
  radios,
  textInput,
} from './templates/fields.js';
import {
  renderLive,
  renderPending,
  renderRisk,
  renderScreenshots,
  renderSuccess,
  reporterStepsOf,
} from './templates/panels.js';

type WelshText = typeof import('./strings-cy.js');

/** detail of `policy-report-submitted`. */
export type PolicyReportSubmittedDetail = FiledReport;
/** detail of `policy-report-pending`. */
export interface PolicyReportPendingDetail {
  reason: PendingReason;
  attempts: number;
  /** When the next automatic try is due (ISO), or null when it waits for the `online` event or will not retry on its own. */
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

/**
 * The form a member of practice staff uses to report a social media post. It shows what the policy
 * sees in the text as it is typed, keeps the whole draft (screenshots included) on the device for up
 * to 7 days, files the report once however often it is submitted, and retries until the API
 * acknowledges it.
 *
 * Structured as Shoelace and Web Awesome structure their larger components: the element holds the
 * fields and composes four reactive controllers (controllers/: the draft on the device, the live
 * classification, the screenshots, the submission) and the field and panel templates (templates/).
 *
 * @summary Staff form to report a worrying social media post.
 *
 * @attr practice - ODS code of the practice, e.g. `A81001`.
 * @attr report-key - The practice's publishable report key (`rk_…`), sent as `X-Report-Key`.
 * @attr api - API origin; defaults to the origin the widget script was served from.
 * @attr lang - `en-GB` or `cy`; defaults to the practice's locale.
 *
 * @fires policy-report-submitted - The API filed the report (201). detail: `{ id, reference, classification, nextSteps, nextStepIds }`
 * @fires policy-report-pending - A submit failed (offline, network, 5xx, rate limit, refused key, website not allowed); the report is kept on the device and retried, except when this website is not allowed to send reports (`reason: 'origin_refused'`, `nextAttemptAt: null`). detail: `{ reason, attempts, nextAttemptAt }`
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
 * @csspart character-count - The count of characters left (or too many) under the text, from 90% of core's limit.
 * @csspart submit - The send button.
 * @csspart notice - The "restored draft" and "saved" notices.
 * @csspart pending - The panel shown while a submitted report waits on the device to be sent.
 * @csspart loading - What shows for a moment while the policy's words load (or if they could not be).
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
    fields: { state: true },
    errors: { state: true },
    announcement: { state: true },
    welsh: { state: true },
  };

  /** The practice's publishable report key (`rk_…`). */
  declare reportKey: string | undefined;

  declare private fields: ReportFields;
  declare private errors: FieldError[];
  declare private announcement: string;
  /** The Welsh chunk once loaded; null when it could not be (English is shown instead). */
  declare private welsh: WelshText | null | undefined;

  /** Fields whose errors came from the API: they clear when that field changes. */
  private serverErrorFields = new Set<FieldName | null>();
  private welshLoad: Promise<void> | undefined;

  private readonly policyWords = new PolicyWordsController(this);

  private readonly draft: DraftController = new DraftController(this, {
    content: () => ({
      fields: this.fields,
      screenshots: this.shots.list,
      idempotencyKey: this.submission.idempotencyKey,
      pending: this.submission.pending,
    }),
    restore: (draft) => this.restoreDraft(draft),
  });

  private readonly live: LiveClassificationController = new LiveClassificationController(this, {
    request: () => ({
      ...this.endpoint,
      text: this.fields.text,
      platform: this.fields.platform,
    }),
    changed: (categories) => this.announceCategories(categories),
    words: () => this.policyWords.words,
  });

  private readonly shots: ScreenshotsController = new ScreenshotsController(this, {
    editable: () => this.submission.mode === 'editing',
    strings: () => this.text,
    changed: () => {
      // Only the screenshots' own error goes; the rest keep where they came from.
      this.errors = this.errors.filter((error) => error.field !== 'screenshots');
      this.draft.changed();
    },
    announce: (message) => {
      this.announcement = message;
    },
    root: () => this.renderRoot,
  });

  private readonly submission: SubmissionController = new SubmissionController(this, {
    endpoint: () => this.endpoint,
    screenshots: () => this.shots.list,
    persist: () => this.draft.persist(),
    discardDraft: async () => {
      await this.draft.discard();
      this.draft.dirty = false;
    },
    invalid: (problem) => {
      const errors = errorsFromProblem(problem, this.text);
      this.setErrors(errors, true);
      return errors;
    },
    focus: (selector) => this.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    hasFocus: () => this.matches(':focus-within'),
    pendingEvent: (detail) => emit<PolicyReportPendingDetail>(this, 'policy-report-pending', detail),
    submittedEvent: (filed) => {
      emit<PolicyReportSubmittedDetail>(this, 'policy-report-submitted', filed);
    },
    invalidEvent: (errors) =>
      emit<PolicyReportInvalidDetail>(this, 'policy-report-invalid', { source: 'server', errors }),
  });

  constructor() {
    super();
    this.fields = emptyFields(new Date());
    this.errors = [];
    this.announcement = '';
  }

  private get endpoint(): { api: string; practice: string; reportKey: string } {
    return {
      api: apiOrigin(this.api),
      practice: (this.practice ?? '').trim().toUpperCase(),
      reportKey: this.reportKey ?? '',
    };
  }

  /** The form's own text in the current locale; English until (or unless) the Welsh chunk loads. */
  private get text(): Strings {
    return this.locale === 'cy' && this.welsh ? this.welsh.CY : EN;
  }

  private get fieldContext(): FieldContext {
    return { fields: this.fields, text: this.text, errors: this.errors };
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.locale === 'cy' && this.welsh === undefined) this.loadWelsh();
    if (changed.has('practice') || changed.has('api')) {
      const { api, practice } = this.endpoint;
      this.draft.use(`${api}|${practice}`);
    }
  }

  // ------------------------------------------------------------------ the draft on the device

  private restoreDraft(draft: StoredDraft): void {
    this.fields = { ...emptyFields(new Date()), ...draft.fields };
    this.shots.restore(draft.screenshots);
    if (this.fields.text.trim() !== '') void this.live.now();
    emit<PolicyReportRestoredDetail>(this, 'policy-report-restored', {
      pending: draft.pending !== null,
      savedAt: draft.savedAt,
    });
    if (draft.pending) this.submission.resume(draft.pending, draft.idempotencyKey);
    else this.submission.adopt(draft.idempotencyKey);
  }

  private startNewReport(keepReporter: boolean): void {
    const fresh = emptyFields(new Date());
    if (keepReporter) {
      fresh.reporterName = this.fields.reporterName;
      fresh.reporterRole = this.fields.reporterRole;
    }
    this.fields = fresh;
    this.shots.reset();
    this.setErrors([]);
    this.live.reset();
    this.announcement = '';
    this.submission.reset();
    this.draft.reset();
  }

  // ------------------------------------------------------------------ typing

  private onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name as keyof ReportFields;
    if (!name || !(name in this.fields) || this.submission.mode !== 'editing') return;
    const value =
      target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    if (this.fields[name] === value) return;
    const before = characterCount(this.fields.text, this.text);
    this.fields = { ...this.fields, [name]: value };
    this.refreshErrors(name);
    this.draft.changed();
    if (name === 'text') {
      const after = characterCount(this.fields.text, this.text);
      // Said once as the text goes over core's limit (the count under the field says it always).
      if (after?.over && !before?.over) this.announcement = after.message;
    }
    if (name === 'text' || name === 'platform') this.live.schedule();
  };

  private setErrors(errors: FieldError[], fromServer = false): void {
    this.errors = errors;
    this.serverErrorFields = fromServer ? new Set(errors.map((error) => error.field)) : new Set();
  }

  /**
   * Errors clear as each field is fixed, not on the next submit: an error the form found stays only
   * while the form still finds it; one the API found clears when its field changes. No new error
   * appears while typing, and none is reworded.
   */
  private refreshErrors(changed: keyof ReportFields): void {
    if (this.errors.length === 0) return;
    const now = validate(this.fields, this.text, new Date());
    const kept: FieldError[] = [];
    for (const error of this.errors) {
      if (error.field !== null && this.serverErrorFields.has(error.field)) {
        if (error.field !== changed) kept.push(error);
        continue;
      }
      if (error.field === null) {
        kept.push(error);
        continue;
      }
      // Kept as it was worded: the summary is an alert, and rewording it on every keystroke (the
      // count in "it is 20,800") would have screen readers read it out again and again.
      if (now.some((problem) => problem.field === error.field)) kept.push(error);
    }
    if (kept.length !== this.errors.length) {
      this.errors = kept;
      this.serverErrorFields = new Set([...this.serverErrorFields].filter((field) => field !== changed));
    }
  }

  private announceCategories(categories: Category[]): void {
    const names = categories.map((id) => this.live.categoryName(id, this.locale));
    this.announcement =
      names.length === 0
        ? this.text.classifyAnnounceNone
        : fill(this.text.classifyAnnounce, { list: names.join(', ') });
  }

  // ------------------------------------------------------------------ submitting

  private onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // One report per draft: while a submit is in flight or waiting to retry, more clicks do nothing.
    if (this.submission.mode !== 'editing') return;
    const errors = validate(this.fields, this.text, new Date());
    if (errors.length > 0) {
      this.setErrors(errors);
      emit<PolicyReportInvalidDetail>(this, 'policy-report-invalid', { source: 'form', errors });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.setErrors([]);
    this.draft.dirty = true;
    await this.submission.submit(toReportInput(this.fields));
  };

  private onAnother = async (): Promise<void> => {
    this.startNewReport(true);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  };

  private onDiscardRestored = async (): Promise<void> => {
    await this.draft.discard();
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

  private renderText(): TemplateResult {
    const context = this.fieldContext;
    const t = this.text;
    const error = errorOf(context, 'text');
    const count = characterCount(this.fields.text, t);
    return html`<div class="group ${error ? 'has-error' : ''}">
      <label class="label" for="f-text">${t.text}</label>
      <span class="hint" id="h-text">${t.textHint} ${fill(t.textLimit, { max: formatCount(MAX_POST_TEXT_LENGTH) })}</span>
      ${errorLine(context, 'text')}
      <textarea
        id="f-text"
        name="text"
        rows="6"
        .value=${this.fields.text}
        aria-invalid=${error || count?.over ? 'true' : 'false'}
        aria-describedby=${describedBy('h-text', error && 'e-text', count !== null && 'c-text')}
      ></textarea>
      ${
        count
          ? html`<span class="character-count ${count.over ? 'over' : ''}" id="c-text" part="character-count"
              >${count.message}</span
            >`
          : nothing
      }
    </div>`;
  }

  private renderForm(words: PolicyWords): TemplateResult {
    const t = this.text;
    const f = this.fields;
    const context = this.fieldContext;
    const locale = this.locale;
    const submitting = this.submission.mode === 'submitting';
    const platformError = errorOf(context, 'platform');
    const seenError = errorOf(context, 'seenAt');
    return html`<form
      part="form"
      novalidate
      aria-labelledby="title"
      aria-busy=${submitting ? 'true' : 'false'}
      @input=${this.onInput}
      @change=${this.onInput}
      @submit=${this.onSubmit}
      @paste=${this.shots.onPaste}
    >
      <h2 id="title" part="title" tabindex="-1">${t.title}</h2>
      <p class="intro">${t.intro}</p>
      ${
        this.draft.restoredAt
          ? html`<div class="notice" part="notice">
            <p>${fill(t.draftRestored, { time: this.formatTime(this.draft.restoredAt, true) })}</p>
            <p><button type="button" class="link-button" @click=${this.onDiscardRestored}>${t.draftDiscard}</button></p>
          </div>`
          : nothing
      }
      ${this.draft.storage === 'none' ? html`<div class="notice" part="notice"><p>${t.noStorage}</p></div>` : nothing}
      ${errorSummary(context, this.onSummaryClick)}

      <div class="section" part="section section-risk">
        ${radios(
          context,
          'atRisk',
          t.atRisk,
          [
            { value: 'yes', label: t.riskYes },
            { value: 'no', label: t.riskNo },
          ],
          { hint: t.atRiskHint, inline: true, legendClass: 'section-legend' },
        )}
        ${renderRisk(t, words, locale, f.atRisk === 'yes')}
      </div>

      <fieldset class="section" part="section section-post">
        <legend>${t.sectionPost}</legend>
        <div class="group ${platformError ? 'has-error' : ''}">
          <label class="label" for="f-platform">${t.platform}</label>
          ${errorLine(context, 'platform')}
          <select
            id="f-platform"
            name="platform"
            aria-invalid=${platformError ? 'true' : 'false'}
            aria-describedby=${describedBy(platformError && 'e-platform')}
          >
            <option value="" ?selected=${f.platform === ''}>${t.platformChoose}</option>
            ${PLATFORMS.map(
              (platform) =>
                html`<option value=${platform} ?selected=${f.platform === platform}>
                  ${words.PLATFORM_CHOICES[locale][platform]}
                </option>`,
            )}
          </select>
        </div>
        ${textInput(context, 'postUrl', t.postUrl, { hint: t.postUrlHint, type: 'url', spellcheck: false })}
        <div class="group ${seenError ? 'has-error' : ''}">
          <label class="label" for="f-seenAt">${t.seenAt}</label>
          <span class="hint" id="h-seenAt">${t.seenAtHint}</span>
          ${errorLine(context, 'seenAt')}
          <input
            id="f-seenAt"
            name="seenAt"
            type="datetime-local"
            .value=${f.seenAt}
            max=${toLocalInputValue(new Date())}
            aria-invalid=${seenError ? 'true' : 'false'}
            aria-describedby=${describedBy('h-seenAt', seenError && 'e-seenAt')}
          />
        </div>
        ${radios(
          context,
          'location',
          t.location,
          POST_LOCATIONS.map((value) => ({ value, label: words.LOCATION_CHOICES[locale][value] })),
          { hint: t.locationHint },
        )}
      </fieldset>

      <fieldset class="section" part="section section-text">
        <legend>${t.sectionText}</legend>
        ${this.renderText()}
        ${renderLive(t, locale, this.live)}
      </fieldset>

      ${renderScreenshots(context, this.shots, { max: MAX_SCREENSHOTS, size: MAX_EVIDENCE_BYTES })}

      <fieldset class="section" part="section section-author">
        <legend>${t.sectionAuthor}</legend>
        ${textInput(context, 'authorName', t.authorName)}
        ${textInput(context, 'authorHandle', t.authorHandle, { hint: t.authorHandleHint, spellcheck: false })}
        ${radios(
          context,
          'authorPatient',
          t.authorPatient,
          [
            { value: 'patient', label: t.yes },
            { value: 'public', label: t.no },
            { value: 'unknown', label: t.unknown },
          ],
          { inline: true },
        )}
        <div class="group">${checkbox(context, 'authorStaff', t.authorStaff, t.authorStaffHint)}</div>
      </fieldset>

      <fieldset class="section" part="section section-affects" aria-describedby="h-affects">
        <legend>${t.sectionAffects}</legend>
        <span class="hint" id="h-affects">${t.affectsHint}</span>
        <div class="choices">
          ${checkbox(context, 'affectsPractice', t.affectsPractice)} ${checkbox(context, 'affectsStaff', t.affectsStaff)}
          ${
            f.affectsStaff
              ? html`<div class="conditional">
                ${textInput(context, 'staffNames', t.affectsStaffNames, { hint: t.affectsStaffNamesHint })}
              </div>`
              : nothing
          }
          ${checkbox(context, 'affectsPatients', t.affectsPatients)}
        </div>
      </fieldset>

      <fieldset class="section" part="section section-reporter">
        <legend>${t.sectionReporter}</legend>
        ${textInput(context, 'reporterName', t.reporterName, { autocomplete: 'name', spellcheck: false })}
        ${textInput(context, 'reporterRole', t.reporterRole, { hint: t.reporterRoleHint, autocomplete: 'organization-title' })}
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
          this.draft.savedAt
            ? html`<span class="muted" part="notice">${fill(t.savedAt, { time: this.formatTime(this.draft.savedAt, false) })}</span>`
            : nothing
        }
      </div>
    </form>`;
  }

  /** Before the policy's words arrive (a moment), or if they could not be fetched. */
  private renderLoading(): TemplateResult {
    const t = this.text;
    return html`<section class="panel" part="loading" aria-labelledby="title">
      <h2 id="title" part="title" tabindex="-1">${t.title}</h2>
      <p role="status">${this.policyWords.failed ? t.loadFailed : t.loading}</p>
    </section>`;
  }

  private formatTime(date: Date, withDate: boolean): string {
    const options: Intl.DateTimeFormatOptions = withDate
      ? { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }
      : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
    return new Intl.DateTimeFormat(this.locale, options).format(date);
  }

  protected override render(): TemplateResult {
    const t = this.text;
    const locale = this.locale;
    const { mode, filed } = this.submission;
    const words = this.policyWords.words;
    let body: TemplateResult;
    if (!words) body = this.renderLoading();
    else if (mode === 'success' && filed) {
      const steps = reporterStepsOf(words, filed, locale, {
        atRisk: this.fields.atRisk === 'yes',
        authorKind: authorKind(this.fields),
        screenshotCount: this.shots.list.length,
      });
      body = renderSuccess(
        t,
        words,
        locale,
        filed,
        steps,
        this.fields.atRisk === 'yes',
        this.live,
        this.onAnother,
      );
    } else if (mode === 'pending')
      body = renderPending(t, words, locale, this.submission, this.shots, (date) =>
        this.formatTime(date, false),
      );
    else body = this.renderForm(words);
    return html`<div class="root" part="root" lang=${locale}>
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
