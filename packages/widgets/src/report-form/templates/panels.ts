// The report form's panels: the emergency advice, the live "what the policy sees", the screenshots,
// the waiting-to-send panel and the confirmation. Pure functions of the form's state and its
// controllers; every word of the policy in them is core's (`words`, the lazily loaded labels).
import type { AuthorKind, Category, Locale } from '@policy/core';
import type { ReporterStepId } from '@policy/core/labels';
import { EVIDENCE_IMAGE_TYPES, MAX_POST_TEXT_LENGTH } from '@policy/core/limits';
import { html, nothing, type TemplateResult } from 'lit';
import { fill } from '../../shared/i18n.js';
import type { LiveClassificationController } from '../controllers/live-classification.controller.js';
import type { PolicyWords } from '../controllers/policy-words.controller.js';
import { formatSize, type ScreenshotsController } from '../controllers/screenshots.controller.js';
import type { SubmissionController } from '../controllers/submission.controller.js';
import { formatCount } from '../model.js';
import type { Strings } from '../strings.js';
import type { FiledReport } from '../submit.js';
import { describedBy, errorOf, type FieldContext } from './fields.js';

/** Characters of context shown either side of a matched excerpt. */
const EXCERPT_CONTEXT = 32;

/**
 * The reporter's steps the emergency panel shows the moment "someone is at risk" is chosen: core's
 * words for getting help now. The rest of the reporter's steps follow on the confirmation.
 */
const URGENT_STEPS: readonly ReporterStepId[] = [
  'call_999',
  'call_101',
  'tell_safeguarding_lead',
  'tell_manager_now',
];

/** `sent`: on the confirmation, without "then finish this report". */
export const renderRisk = (
  text: Strings,
  words: PolicyWords,
  locale: Locale,
  atRisk: boolean,
  sent = false,
): TemplateResult =>
  // The alert region is always in the page so assistive technology announces its content the
  // moment "Yes" is chosen.
  html`<div class="risk ${atRisk ? 'on' : ''}" part="risk-alert" role="alert">
    ${
      atRisk
        ? html`<h3>${text.riskTitle}</h3>
          <ul>
            ${URGENT_STEPS.map((id) => html`<li>${words.REPORTER_STEP_TEXT[locale][id]}</li>`)}
            ${sent ? nothing : html`<li>${text.riskThenReport}</li>`}
          </ul>`
        : nothing
    }
  </div>`;

const renderExcerpt = (text: string, start: number, end: number, excerpt: string): TemplateResult => {
  const inBounds = start >= 0 && end <= text.length && start < end;
  if (!inBounds) return html`“<mark>${excerpt}</mark>”`;
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  return html`“${from > 0 ? '…' : ''}${text.slice(from, start)}<mark>${text.slice(start, end)}</mark>${text.slice(
    end,
    to,
  )}${to < text.length ? '…' : ''}”`;
};

export const renderLive = (
  t: Strings,
  locale: Locale,
  live: LiveClassificationController,
): TemplateResult => {
  const state = live.state;
  let body: TemplateResult;
  if (state.status === 'unavailable') body = html`<p>${t.classifyUnavailable}</p>`;
  else if (state.status === 'offline') body = html`<p>${t.classifyOffline}</p>`;
  else if (state.status === 'too_long')
    body = html`<p>${fill(t.classifyTooLong, { max: formatCount(MAX_POST_TEXT_LENGTH) })}</p>`;
  else if (state.status === 'idle') body = html`<p class="muted">${t.classifyWaiting}</p>`;
  else if (state.result.categories.length === 0) body = html`<p>${t.classifyEmpty}</p>`;
  else
    body = html`<ul class="findings">
        ${state.result.categories.map((finding) => {
          const meaning = live.categoryMeaning(finding.id, locale);
          return html`<li data-category=${finding.id}>
            <span class="finding-name">${live.categoryName(finding.id, locale)}</span
            ><span class="tag tag-${finding.severity}"
              ><span class="visually-hidden">${t.severity}: </span>${live.severityName(finding.severity, locale)}</span
            >
            ${meaning ? html`<p>${meaning}</p>` : nothing}
            ${finding.evidence.slice(0, 2).map(
              (span) =>
                html`<p class="excerpt">
                  <span class="muted">${t.matched}:</span> ${renderExcerpt(state.text, span.start, span.end, span.excerpt)}
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
};

export const renderShots = (
  t: Strings,
  shots: ScreenshotsController,
  removable: boolean,
): TemplateResult | typeof nothing => {
  if (shots.list.length === 0) return nothing;
  return html`<ul class="shots" part="screenshots">
    ${shots.list.map(
      (shot) => html`<li>
        <canvas data-shot=${shot.id} role="img" aria-label=${shot.name}></canvas>
        <span class="shot-name">${shot.name} <span class="muted">(${formatSize(shot.size)})</span></span>
        ${
          removable
            ? html`<button type="button" class="link-button" data-remove=${shot.id} @click=${() => shots.remove(shot)}>
              ${t.screenshotRemove}<span class="visually-hidden"> ${shot.name}</span>
            </button>`
            : nothing
        }
      </li>`,
    )}
  </ul>`;
};

export const renderScreenshots = (
  context: FieldContext,
  shots: ScreenshotsController,
  limits: { max: number; size: number },
): TemplateResult => {
  const t = context.text;
  const error = errorOf(context, 'screenshots');
  const problems = [...(error ? [error] : []), ...shots.problems];
  return html`<fieldset class="section" part="section section-screenshots">
    <legend>${t.sectionScreenshots}</legend>
    <div class="group ${problems.length > 0 ? 'has-error' : ''}">
      <span class="hint" id="h-screenshots">${fill(t.screenshotsHint, { max: limits.max, size: formatSize(limits.size) })}</span>
      ${problems.map(
        (problem, i) =>
          html`<span class="error-message" id=${i === 0 ? 'e-screenshots' : `e-screenshots-${i}`}
            ><span class="visually-hidden">${t.errorPrefix}</span> ${problem}</span
          >`,
      )}
      <div
        class="dropzone ${shots.dragging ? 'dragging' : ''}"
        part="dropzone"
        @dragover=${shots.onDragOver}
        @dragleave=${shots.onDragLeave}
        @drop=${shots.onDrop}
      >
        <label class="label" for="f-screenshots">${t.screenshotsPick}</label>
        <input
          id="f-screenshots"
          type="file"
          multiple
          accept=${EVIDENCE_IMAGE_TYPES.join(',')}
          aria-describedby=${describedBy('h-screenshots', problems.length > 0 && 'e-screenshots')}
          @change=${shots.onPick}
        />
        <span class="hint" aria-hidden="true">${t.screenshotsDrop}</span>
      </div>
      ${renderShots(t, shots, true)}
    </div>
  </fieldset>`;
};

export const renderPending = (
  t: Strings,
  words: PolicyWords,
  locale: Locale,
  submission: SubmissionController,
  shots: ScreenshotsController,
  formatTime: (date: Date) => string,
): TemplateResult => {
  const report = submission.pending?.report;
  const reason = submission.reason;
  const message =
    reason === 'offline'
      ? t.pendingOffline
      : reason === 'rate_limited'
        ? t.pendingRateLimited
        : reason === 'origin_refused'
          ? t.pendingOriginRefused
          : reason === 'refused'
            ? fill(t.pendingRefused, { detail: submission.refusedDetail })
            : reason === 'server'
              ? t.pendingBusy
              : t.pendingServer;
  const excerpt = report ? (report.text.length > 160 ? `${report.text.slice(0, 160)}…` : report.text) : '';
  return html`<section class="panel pending" part="pending" aria-labelledby="pending-title">
    <h2 id="pending-title" tabindex="-1">${t.pendingTitle}</h2>
    <p role="status" class="reason">
      ${message}
      ${submission.nextAttemptAt ? fill(t.pendingRetryAt, { time: formatTime(submission.nextAttemptAt) }) : nothing}
    </p>
    <p>${reason === 'origin_refused' ? t.pendingOriginBody : t.pendingBody}</p>
    ${
      report
        ? html`<dl class="saved">
          <dt class="label">${t.platform}</dt>
          <dd>${words.PLATFORM_CHOICES[locale][report.platform]}</dd>
          <dt class="label">${t.text}</dt>
          <dd><q>${excerpt}</q></dd>
        </dl>`
        : nothing
    }
    ${renderShots(t, shots, false)}
    <button
      type="button"
      class="button button-secondary"
      aria-disabled=${submission.sending ? 'true' : 'false'}
      @click=${submission.retryNow}
    >
      ${submission.sending ? t.submitting : t.retryNow}
    </button>
  </section>`;
};

/**
 * What the member of staff who reported should do now: the reporter's steps (core's
 * REPORTER_STEP_TEXT) the API chose for this report, in the form's language; computed here by
 * core's own rule when the answer carries no ids. Never the manager's actions (contacting or
 * answering the author is the manager's decision, not a frightened colleague's).
 */
export const reporterStepsOf = (
  words: PolicyWords,
  filed: FiledReport,
  locale: Locale,
  flags: { atRisk: boolean; authorKind: AuthorKind; screenshotCount: number },
): string[] => {
  const table = words.REPORTER_STEP_TEXT[locale];
  const ids = (filed.nextStepIds ?? []).filter((id) => id in table);
  const chosen =
    ids.length > 0
      ? ids
      : words.reporterStepIds(
          filed.classification.categories.map((finding) => finding.id as Category),
          flags,
        );
  return chosen.map((id) => table[id]);
};

export const renderSuccess = (
  t: Strings,
  words: PolicyWords,
  locale: Locale,
  filed: FiledReport,
  steps: readonly string[],
  atRisk: boolean,
  live: LiveClassificationController,
  onAnother: () => void,
): TemplateResult => {
  const categories = filed.classification.categories;
  return html`<section class="panel" part="success" aria-labelledby="success-title">
    <div class="confirmation">
      <h2 id="success-title" tabindex="-1">${t.successTitle}</h2>
      <p>${t.successReference}<strong class="reference" data-reference>${filed.reference}</strong></p>
    </div>
    ${atRisk ? renderRisk(t, words, locale, true, true) : nothing}
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
                ${live.categoryName(finding.id, locale)} (${live.severityName(finding.severity, locale)})
              </li>`,
          )}
        </ul>`
    }
    <button type="button" class="button button-secondary" @click=${onAnother}>${t.another}</button>
  </section>`;
};
