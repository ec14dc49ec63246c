// Form fields the NHS.UK way: a visible label, an optional hint, the error above the input
// (announced through aria-describedby), and an error summary that links to each field.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'search';
  hint?: string;
  error?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'email' | 'text';
  className?: string;
  maxlength?: number;
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;

export function textField(options: FieldOptions): TemplateResult {
  const { id, hint, error } = options;
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${error ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${error}</span>` : nothing}
    <input
      id=${id}
      name=${id}
      class=${options.className ?? nothing}
      type=${options.type ?? 'text'}
      .value=${live(options.value)}
      autocomplete=${options.autocomplete ?? nothing}
      inputmode=${options.inputmode ?? nothing}
      maxlength=${options.maxlength ?? nothing}
      spellcheck="false"
      aria-describedby=${describedBy(id, hint, error)}
      aria-invalid=${error ? 'true' : nothing}
      ?required=${options.required ?? false}
      @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

export interface TextAreaOptions extends Omit<FieldOptions, 'type' | 'inputmode' | 'autocomplete'> {
  rows?: number;
}

export function textArea(options: TextAreaOptions): TemplateResult {
  const { id, hint, error } = options;
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${error ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${error}</span>` : nothing}
    <textarea
      id=${id}
      name=${id}
      rows=${options.rows ?? 4}
      .value=${live(options.value)}
      maxlength=${options.maxlength ?? nothing}
      aria-describedby=${describedBy(id, hint, error)}
      aria-invalid=${error ? 'true' : nothing}
      ?required=${options.required ?? false}
      @input=${(event: Event) => options.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

export interface SelectOptions {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
}

export function selectField(options: SelectOptions): TemplateResult {
  const { id, hint, error } = options;
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${error ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${error}</span>` : nothing}
    <select
      id=${id}
      name=${id}
      aria-describedby=${describedBy(id, hint, error)}
      aria-invalid=${error ? 'true' : nothing}
      @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}
    >
      ${options.options.map(
        (option) =>
          html`<option value=${option.value} ?selected=${option.value === options.value}>${option.label}</option>`,
      )}
    </select>
  </div>`;
}

export interface SummaryError {
  field?: string;
  message: string;
}

/** The error summary at the top of a form; each field error links to (and focuses) its field. */
export function errorSummary(
  errors: readonly SummaryError[],
  root: ParentNode,
  title = 'There is a problem',
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const focusField = (event: Event, id: string) => {
    event.preventDefault();
    root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  };
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2>${title}</h2>
    <ul>
      ${errors.map((error) =>
        error.field
          ? html`<li><a href="#${error.field}" @click=${(event: Event) => focusField(event, error.field ?? '')}>${error.message}</a></li>`
          : html`<li>${error.message}</li>`,
      )}
    </ul>
  </div>`;
}
