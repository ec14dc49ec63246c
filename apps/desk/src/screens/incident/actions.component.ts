import { type ActionEventType, EVENT_LABELS } from '@policy/core';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../../api/client.js';
import { ApiProblem, messageOf } from '../../api/problem.js';
import type { AvailableEvent, Incident, Session } from '../../api/types.js';
import { emit } from '../../shared/events.js';
import { incidentPath } from '../../shared/incidents.js';
import { baseStyles } from '../../shared/styles.js';
import { type ActionField, eventBody, fieldsFor } from './action-fields.js';

export const INCIDENT_CHANGED = 'desk-incident-changed';
export interface IncidentChangedDetail {
  incident: Incident;
  /** What was done, for the confirmation line. */
  done: string;
}

/** Events staff may apply to the reports they filed: adding what they know. */
const STAFF_EVENTS: ReadonlySet<string> = new Set(['add_note', 'record_evidence']);

type Values = Record<string, string | string[]>;

/**
 * The events available now, as the policy says: allowed ones as buttons named in the policy's words
 * (EVENT_LABELS from @policy/core), each opening a form built from what that event needs; refused
 * ones disabled, each with the rule's own words. A refusal on submit (409) shows its rule too.
 */
export class DeskActions extends LitElement {
  static override properties = {
    incident: { attribute: false },
    session: { attribute: false },
    replyDraft: { attribute: false },
    active: { state: true },
    values: { state: true },
    refusal: { state: true },
    fieldErrors: { state: true },
    busy: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .allowed {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        list-style: none;
        padding: 0;
      }
      .allowed li + li {
        margin-top: 0;
      }
      .allowed .button[aria-expanded='true'] {
        background: #003087;
        box-shadow: 0 4px 0 #001a4d;
      }
      .allowed .button.button-secondary[aria-expanded='true'] {
        color: #fff;
      }
      form.action {
        margin-top: 1rem;
        padding: 1rem;
        border: 2px solid #005eb8;
        background: #fff;
      }
      form.action > * + * {
        margin-top: 1rem;
      }
      .refused {
        list-style: none;
        padding: 0;
      }
      .refused li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
        padding: 0.5rem 0;
        border-bottom: 1px solid #d8dde0;
      }
      .refused li + li {
        margin-top: 0;
      }
      .refused .button {
        margin: 0;
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
      }
      .rule-words {
        flex: 1 1 16rem;
      }
      .checks {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.5rem 1rem;
        margin-top: 0.5rem;
      }
      details {
        margin-top: 1rem;
      }
      summary {
        cursor: pointer;
        color: #005eb8;
        text-decoration: underline;
      }
    `,
  ];

  declare incident: Incident | undefined;
  declare session: Session | undefined;
  declare replyDraft: { text: string; platform: string } | undefined;
  declare active: ActionEventType | undefined;
  declare values: Values;
  declare refusal: { message: string; rule?: string } | undefined;
  declare fieldErrors: Record<string, string>;
  declare busy: boolean;
  /** One key per intended action: a retry after a network failure is the same action. */
  private attempt = '';

  constructor() {
    super();
    this.incident = undefined;
    this.session = undefined;
    this.replyDraft = undefined;
    this.active = undefined;
    this.values = {};
    this.refusal = undefined;
    this.fieldErrors = {};
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('replyDraft') && this.replyDraft && this.incident) {
      this.open('respond_publicly');
      this.values = { ...this.values, text: this.replyDraft.text, platform: this.replyDraft.platform };
    }
  }

  private visible(events: AvailableEvent[]): AvailableEvent[] {
    const staff = this.session?.user.role === 'staff';
    return events.filter((event) => event.type !== 'report' && (!staff || STAFF_EVENTS.has(event.type)));
  }

  override render(): TemplateResult {
    const incident = this.incident;
    if (!incident) return html``;
    const events = this.visible(incident.availableEvents);
    const allowed = events.filter((event) => event.allowed);
    const guarded = events.filter((event) => !event.allowed && event.rule !== 'wrong_state');
    const wrongState = events.filter((event) => !event.allowed && event.rule === 'wrong_state');
    return html`
      ${
        allowed.length
          ? html`<ul class="allowed" aria-label="Actions you can take now">
            ${allowed.map((event) => {
              const type = event.type as ActionEventType;
              return html`<li>
                <button
                  type="button"
                  class="button ${type === 'close' ? '' : 'button-secondary'}"
                  data-event=${type}
                  aria-expanded=${this.active === type ? 'true' : 'false'}
                  aria-controls="action-form"
                  @click=${() => this.toggle(type)}
                >
                  ${EVENT_LABELS['en-GB'][type]}
                </button>
              </li>`;
            })}
          </ul>`
          : html`<p>No action is open to you on this incident now.</p>`
      }
      ${this.active ? this.renderForm(this.active, incident) : nothing}
      ${
        guarded.length
          ? html`<h3>Not yet possible</h3>
            <ul class="refused">
              ${guarded.map((event) => this.renderRefused(event))}
            </ul>`
          : nothing
      }
      ${
        wrongState.length
          ? html`<details>
            <summary>Other actions, not possible in this state (${wrongState.length})</summary>
            <ul class="refused">
              ${wrongState.map((event) => this.renderRefused(event))}
            </ul>
          </details>`
          : nothing
      }
    `;
  }

  private renderRefused(event: AvailableEvent): TemplateResult {
    const type = event.type as ActionEventType;
    return html`<li data-refused=${type}>
      <button type="button" class="button button-secondary" disabled aria-describedby="rule-${type}">${EVENT_LABELS['en-GB'][type]}</button>
      <span class="rule-words" id="rule-${type}">${event.message ?? 'Not possible now.'}
        ${event.rule ? html`<span class="muted">(rule <code>${event.rule}</code>)</span>` : nothing}</span>
    </li>`;
  }

  private toggle(type: ActionEventType): void {
    if (this.active === type) {
      this.active = undefined;
      return;
    }
    this.open(type);
  }

  private open(type: ActionEventType): void {
    const incident = this.incident;
    if (!incident) return;
    this.active = type;
    this.attempt = '';
    this.refusal = undefined;
    this.fieldErrors = {};
    const values: Values = {};
    for (const field of fieldsFor(type, incident)) {
      const initial = field.initial?.(incident);
      if (initial !== undefined) values[field.name] = initial;
      else if (field.kind === 'select' && field.options?.[0]) values[field.name] = field.options[0].value;
    }
    this.values = values;
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(
          'form.action input, form.action select, form.action textarea, form.action button[type=submit]',
        )
        ?.focus(),
    );
  }

  private renderForm(type: ActionEventType, incident: Incident): TemplateResult {
    const fields = fieldsFor(type, incident);
    const label = EVENT_LABELS['en-GB'][type];
    return html`<form class="action" id="action-form" aria-label=${label} novalidate @submit=${this.submit}>
      <h3>${label}</h3>
      ${
        type === 'record_evidence'
          ? html`<p>Add a screenshot or a text capture under “Evidence” on this page: it is stored with its SHA-256 and capture time, and recorded here.</p>`
          : nothing
      }
      ${
        this.refusal
          ? html`<div class="error-summary" role="alert" tabindex="-1" data-refusal=${this.refusal.rule ?? ''}>
            <h4>The policy does not allow this yet</h4>
            <p>${this.refusal.message}</p>
            ${this.refusal.rule ? html`<p class="muted">Rule: <code>${this.refusal.rule}</code></p>` : nothing}
          </div>`
          : nothing
      }
      ${fields.map((field) => this.renderField(field))}
      ${fields.length === 0 && type !== 'record_evidence' ? html`<p>This records “${label}” on the incident, with your name and the time.</p>` : nothing}
      <div class="row">
        ${
          type === 'record_evidence'
            ? nothing
            : html`<button class="button" type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : `Record: ${label}`}</button>`
        }
        <button class="button button-secondary" type="button" @click=${() => {
          this.active = undefined;
        }}>Cancel</button>
      </div>
    </form>`;
  }

  private renderField(field: ActionField): TemplateResult {
    const id = `field-${field.name}`;
    const value = this.values[field.name];
    const error = this.fieldErrors[field.name];
    const describedBy =
      [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const set = (next: string | string[]) => {
      this.values = { ...this.values, [field.name]: next };
    };
    const hint = field.hint ? html`<span class="hint" id="${id}-hint">${field.hint}</span>` : nothing;
    const errorLine = error
      ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${error}</span>`
      : nothing;
    if (field.kind === 'categories' || field.kind === 'radio') {
      const chosen = Array.isArray(value) ? value : value ? [value] : [];
      return html`<fieldset aria-describedby=${describedBy}>
        <legend>${field.label}</legend>
        ${hint} ${errorLine}
        <div class="checks">
          ${field.options?.map(
            (option) => html`<label class="checkbox">
              <input
                type=${field.kind === 'radio' ? 'radio' : 'checkbox'}
                name=${field.name}
                value=${option.value}
                .checked=${live(chosen.includes(option.value))}
                @change=${(event: Event) => {
                  const input = event.target as HTMLInputElement;
                  if (field.kind === 'radio') set(option.value);
                  else
                    set(
                      input.checked
                        ? [...chosen, option.value]
                        : chosen.filter((item) => item !== option.value),
                    );
                }}
              />
              ${option.label}
            </label>`,
          )}
        </div>
      </fieldset>`;
    }
    const text = typeof value === 'string' ? value : '';
    const onInput = (event: Event) => set((event.target as HTMLInputElement).value);
    const common = { id, describedBy };
    return html`<div class="field">
      <label for=${id}>${field.label}</label>
      ${hint} ${errorLine}
      ${
        field.kind === 'textarea'
          ? html`<textarea id=${common.id} rows="4" aria-describedby=${describedBy} aria-invalid=${error ? 'true' : nothing} .value=${live(text)} @input=${onInput}></textarea>`
          : field.kind === 'select'
            ? html`<select id=${common.id} aria-describedby=${describedBy} @change=${onInput}>
              ${field.options?.map((option) => html`<option value=${option.value} ?selected=${option.value === text}>${option.label}</option>`)}
            </select>`
            : html`<input id=${common.id} type=${field.kind === 'date' ? 'date' : 'text'} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : nothing} .value=${live(text)} @input=${onInput} />`
      }
    </div>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const incident = this.incident;
    const type = this.active;
    if (!incident || !type || !this.session) return;
    const fields = fieldsFor(type, incident);
    const missing: Record<string, string> = {};
    for (const field of fields) {
      const value = this.values[field.name];
      if (field.required && (!value || (typeof value === 'string' && !value.trim())))
        missing[field.name] = `Enter ${field.label.toLowerCase()}`;
    }
    this.fieldErrors = missing;
    this.refusal = undefined;
    if (Object.keys(missing).length) return this.focusFirstError();
    this.busy = true;
    this.attempt ||= crypto.randomUUID();
    try {
      const updated = await api<Incident>(
        `${incidentPath(this.session.user.practice.ods, incident.id)}/events`,
        {
          method: 'POST',
          body: eventBody(type, fields, this.values),
        },
      );
      this.active = undefined;
      this.attempt = '';
      emit<IncidentChangedDetail>(this, INCIDENT_CHANGED, {
        incident: updated,
        done: EVENT_LABELS['en-GB'][type],
      });
    } catch (error) {
      // The server answered: the next submit is a new attempt (its body may differ). Only an
      // unanswered one is retried under the same key.
      if (error instanceof ApiProblem) this.attempt = '';
      if (error instanceof ApiProblem && error.body.errors?.length && error.status === 422 && !error.rule) {
        this.fieldErrors = Object.fromEntries(
          error.body.errors.map((item) => [item.path.replace(/^body\./, ''), item.message]),
        );
      }
      this.refusal = {
        message: messageOf(error),
        ...(error instanceof ApiProblem && error.rule ? { rule: error.rule } : {}),
      };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-refusal]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], fieldset .error-message')?.focus();
  }
}
