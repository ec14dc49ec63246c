// The report form's field templates: label, hint, error and input wired together the GOV.UK way
// (the error between hint and input, `aria-describedby` naming both, `aria-invalid`). Pure
// functions of the form's state; the form's own `@input`/`@change` listener reads every input by
// its `name`, so these templates bind no handlers.
import { POST_LOCATIONS } from '@policy/core/constants';
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError, FieldName, ReportFields } from '../model.js';
import type { Strings } from '../strings.js';

export interface FieldContext {
  fields: ReportFields;
  text: Strings;
  errors: readonly FieldError[];
}

/** The first input of each field, where an error summary link sends focus. */
export const FOCUS_TARGET: Record<FieldName, string> = {
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

export const errorOf = (context: FieldContext, field: FieldName): string | undefined =>
  context.errors.find((error) => error.field === field)?.message;

export const describedBy = (...ids: (string | false | undefined)[]): string | typeof nothing => {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? nothing : list;
};

export const errorLine = (context: FieldContext, field: FieldName): TemplateResult | typeof nothing => {
  const message = errorOf(context, field);
  return message
    ? html`<span class="error-message" id="e-${field}"
        ><span class="visually-hidden">${context.text.errorPrefix}</span> ${message}</span
      >`
    : nothing;
};

export const textInput = (
  context: FieldContext,
  name: 'postUrl' | 'authorName' | 'authorHandle' | 'staffNames' | 'reporterName' | 'reporterRole',
  label: string,
  options: { hint?: string; type?: string; autocomplete?: string; spellcheck?: boolean } = {},
): TemplateResult => {
  const error = errorOf(context, name);
  return html`<div class="group ${error ? 'has-error' : ''}">
    <label class="label" for="f-${name}">${label}</label>
    ${options.hint ? html`<span class="hint" id="h-${name}">${options.hint}</span>` : nothing}
    ${errorLine(context, name)}
    <input
      id="f-${name}"
      name=${name}
      type=${options.type ?? 'text'}
      .value=${context.fields[name]}
      autocomplete=${options.autocomplete ?? 'off'}
      spellcheck=${options.spellcheck === false ? 'false' : 'true'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(options.hint && `h-${name}`, error && `e-${name}`)}
    />
  </div>`;
};

export const radios = <V extends string>(
  context: FieldContext,
  name: 'atRisk' | 'location' | 'authorPatient',
  legend: string,
  choices: readonly { value: V; label: string }[],
  options: { hint?: string; inline?: boolean; legendClass?: string } = {},
): TemplateResult => {
  const error = errorOf(context, name);
  return html`<fieldset
    class="group ${error ? 'has-error' : ''}"
    aria-describedby=${describedBy(options.hint && `h-${name}`, error && `e-${name}`)}
  >
    <legend class=${options.legendClass ?? ''}>${legend}</legend>
    ${options.hint ? html`<span class="hint" id="h-${name}">${options.hint}</span>` : nothing}
    ${errorLine(context, name)}
    <div class="choices ${options.inline ? 'inline' : ''}">
      ${choices.map(
        (choice) => html`<div class="choice">
          <input
            type="radio"
            id="f-${name}-${choice.value}"
            name=${name}
            value=${choice.value}
            .checked=${context.fields[name] === choice.value}
          />
          <label for="f-${name}-${choice.value}">${choice.label}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
};

export const checkbox = (
  context: FieldContext,
  name: 'authorStaff' | 'affectsPractice' | 'affectsStaff' | 'affectsPatients',
  label: string,
  hint?: string,
): TemplateResult => html`<div class="choice">
  <input
    type="checkbox"
    id="f-${name}"
    name=${name}
    .checked=${context.fields[name]}
    aria-describedby=${describedBy(hint && `h-${name}`)}
  />
  <div>
    <label for="f-${name}">${label}</label>
    ${hint ? html`<span class="hint" id="h-${name}">${hint}</span>` : nothing}
  </div>
</div>`;

/** GOV.UK's error summary: each problem a link to its field (focus is moved by `onClick`). */
export const errorSummary = (
  context: FieldContext,
  onClick: (event: Event) => void,
): TemplateResult | typeof nothing => {
  if (context.errors.length === 0) return nothing;
  return html`<div
    class="error-summary"
    part="error-summary"
    tabindex="-1"
    role="alert"
    aria-labelledby="error-summary-title"
    @click=${onClick}
  >
    <h2 id="error-summary-title">${context.text.errorSummaryTitle}</h2>
    <ul>
      ${context.errors.map((error) =>
        error.field
          ? html`<li>
              <a href="#${FOCUS_TARGET[error.field]}" data-target=${FOCUS_TARGET[error.field]}>${error.message}</a>
            </li>`
          : html`<li>${error.message}</li>`,
      )}
    </ul>
  </div>`;
};
