import { LOCATION_LABELS, PLATFORM_LABELS, PLATFORMS, POST_LOCATIONS } from '@policy/core';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../../api/client.js';
import { ApiProblem, messageOf } from '../../api/problem.js';
import type { Session } from '../../api/types.js';
import { screenReady } from '../../shared/events.js';
import { errorSummary, type SummaryError, selectField, textArea, textField } from '../../shared/forms.js';
import { baseStyles } from '../../shared/styles.js';

const en = 'en-GB' as const;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface Draft {
  atRisk: '' | 'yes' | 'no';
  platform: string;
  postUrl: string;
  seenAt: string;
  location: string;
  authorName: string;
  authorHandle: string;
  authorKind: string;
  text: string;
  reporterRole: string;
}

interface Filed {
  id: string;
  reference: string;
  nextSteps: string[];
}

/** "Now" for a datetime-local input, in the browser's local time. */
const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Reporting a post from the desk, signed in: the same report the website form files, sent with the
 * session instead of a report key, so it is filed in the person's own name and shows in their list.
 */
export class DeskNewReport extends LitElement {
  static override properties = {
    session: { attribute: false },
    draft: { state: true },
    errors: { state: true },
    busy: { state: true },
    filed: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      form {
        max-width: 44rem;
      }
      form > * + * {
        margin-top: 1.25rem;
      }
      .urgent {
        border: 4px solid #d5281b;
        padding: 0.75rem 1rem;
        background: #fff;
      }
    `,
  ];

  declare session: Session | undefined;
  declare draft: Draft;
  declare errors: SummaryError[];
  declare busy: boolean;
  declare filed: Filed | undefined;
  /** The same report sent again after a failure is not filed twice. */
  private attempt = '';

  constructor() {
    super();
    this.session = undefined;
    this.draft = this.empty();
    this.errors = [];
    this.busy = false;
    this.filed = undefined;
  }

  private empty(): Draft {
    return {
      atRisk: '',
      platform: 'facebook',
      postUrl: '',
      seenAt: localNow(),
      location: 'practice_page',
      authorName: '',
      authorHandle: '',
      authorKind: 'unknown',
      text: '',
      reporterRole: '',
    };
  }

  override firstUpdated(): void {
    screenReady(this, 'Report a post');
  }

  private set(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
  }

  override render(): TemplateResult {
    if (this.filed)
      return html`<h1>Report a post</h1>
        <div class="success" role="status" data-filed>
          <h2>Report sent: <span data-reference>${this.filed.reference}</span></h2>
          <p>Thank you. The practice manager can see it now.</p>
        </div>
        <h2>What to do first</h2>
        <ol>${this.filed.nextSteps.map((step) => html`<li>${step}</li>`)}</ol>
        <p class="row">
          <a class="button" href="#/incidents/${this.filed.id}">Open the report</a>
          <button class="button button-secondary" type="button" @click=${this.another}>Report another post</button>
        </p>`;
    const d = this.draft;
    const errorOf = (field: string) => this.errors.find((error) => error.field === field)?.message;
    return html`<h1>Report a post</h1>
      <p>Tell the practice about a post on social media that worries you. Take a screenshot first if you can: you can add it to the report once it is sent.</p>
      ${errorSummary(this.errors, this.renderRoot)}
      <form novalidate @submit=${this.submit}>
        <fieldset>
          <legend>Is anyone at risk right now?</legend>
          ${errorOf('at-risk-yes') ? html`<span class="error-message"><span class="visually-hidden">Error:</span> ${errorOf('at-risk-yes')}</span>` : nothing}
          <label class="checkbox"><input id="at-risk-yes" type="radio" name="at-risk" .checked=${live(d.atRisk === 'yes')} @change=${() => this.set({ atRisk: 'yes' })} /> Yes</label>
          <label class="checkbox"><input type="radio" name="at-risk" .checked=${live(d.atRisk === 'no')} @change=${() => this.set({ atRisk: 'no' })} /> No</label>
        </fieldset>
        ${
          d.atRisk === 'yes'
            ? html`<div class="urgent" role="alert">
              <p><strong>If someone is in immediate danger, call 999 now.</strong></p>
              <p>If a child or adult may be at risk of harm, tell the practice safeguarding lead today. Then finish this report.</p>
            </div>`
            : nothing
        }
        ${selectField({
          id: 'platform',
          label: 'Where was it posted?',
          value: d.platform,
          options: PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[en][platform] })),
          onChange: (value) => this.set({ platform: value }),
        })}
        ${textField({ id: 'post-url', label: 'Link to the post (optional)', type: 'url', value: d.postUrl, error: errorOf('post-url'), onInput: (value) => this.set({ postUrl: value }) })}
        <div class="field">
          <label for="seen-at">When did you see it?</label>
          <input id="seen-at" type="datetime-local" .value=${live(d.seenAt)} @input=${(event: Event) => this.set({ seenAt: (event.target as HTMLInputElement).value })} />
        </div>
        <fieldset>
          <legend>Where is it?</legend>
          ${POST_LOCATIONS.map(
            (location) =>
              html`<label class="checkbox"><input type="radio" name="location" .checked=${live(d.location === location)} @change=${() => this.set({ location })} /> ${capitalise(LOCATION_LABELS[en][location])}</label>`,
          )}
        </fieldset>
        <fieldset>
          <legend>Who posted it? (if you know)</legend>
          ${textField({ id: 'author-name', label: 'Name', value: d.authorName, onInput: (value) => this.set({ authorName: value }) })}
          ${textField({ id: 'author-handle', label: 'Username or handle', value: d.authorHandle, onInput: (value) => this.set({ authorHandle: value }) })}
          ${selectField({
            id: 'author-kind',
            label: 'Are they…',
            value: d.authorKind,
            options: [
              { value: 'unknown', label: 'Not sure' },
              { value: 'patient', label: 'A patient' },
              { value: 'public', label: 'A member of the public' },
              { value: 'staff', label: 'A member of staff' },
            ],
            onChange: (value) => this.set({ authorKind: value }),
          })}
        </fieldset>
        ${textArea({ id: 'post-text', label: 'The text of the post', hint: 'Copy it exactly, including spelling.', rows: 6, value: d.text, error: errorOf('post-text'), onInput: (value) => this.set({ text: value }) })}
        ${textField({ id: 'reporter-role', label: 'Your role (optional)', value: d.reporterRole, onInput: (value) => this.set({ reporterRole: value }) })}
        <button class="button" type="submit" ?disabled=${this.busy}>${this.busy ? 'Sending…' : 'Send report'}</button>
      </form>`;
  }

  private another(): void {
    this.filed = undefined;
    this.attempt = '';
    this.draft = this.empty();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const errors: SummaryError[] = [];
    if (!d.atRisk) errors.push({ field: 'at-risk-yes', message: 'Say whether anyone is at risk right now' });
    if (!d.text.trim()) errors.push({ field: 'post-text', message: 'Enter the text of the post' });
    if (d.postUrl && !/^https?:\/\/\S+$/.test(d.postUrl.trim()))
      errors.push({ field: 'post-url', message: 'Enter the link starting https://, or leave it empty' });
    this.errors = errors;
    const session = this.session;
    if (!errors.length && session) {
      this.busy = true;
      try {
        const seen = d.seenAt ? new Date(d.seenAt) : new Date();
        const author =
          d.authorName.trim() || d.authorHandle.trim() || d.authorKind !== 'unknown'
            ? {
                kind: d.authorKind,
                ...(d.authorName.trim() ? { name: d.authorName.trim() } : {}),
                ...(d.authorHandle.trim() ? { handle: d.authorHandle.trim() } : {}),
              }
            : undefined;
        this.attempt ||= crypto.randomUUID();
        this.filed = await api<Filed>(`/practices/${session.user.practice.ods}/reports`, {
          method: 'POST',
          idempotencyKey: this.attempt,
          body: {
            platform: d.platform,
            ...(d.postUrl.trim() ? { postUrl: d.postUrl.trim() } : {}),
            seenAt: Number.isNaN(seen.getTime()) ? new Date().toISOString() : seen.toISOString(),
            location: d.location,
            ...(author ? { author } : {}),
            text: d.text.trim(),
            atRisk: d.atRisk === 'yes',
            reporter: {
              name: session.user.name,
              ...(d.reporterRole.trim() ? { role: d.reporterRole.trim() } : {}),
            },
          },
        });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[data-filed]')?.setAttribute('tabindex', '-1');
        this.renderRoot.querySelector<HTMLElement>('[data-filed]')?.focus();
        return;
      } catch (error) {
        if (error instanceof ApiProblem && error.status !== 429) this.attempt = '';
        this.errors = [
          {
            message:
              error instanceof ApiProblem && error.status === 429
                ? 'Too many reports at once. Wait a minute and send it again: nothing you typed is lost.'
                : messageOf(error),
          },
        ];
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
