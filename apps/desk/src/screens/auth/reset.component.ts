import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { ApiProblem, messageOf } from '../../api/problem.js';
import { screenReady } from '../../shared/events.js';
import { errorSummary, type SummaryError } from '../../shared/forms.js';
import { baseStyles } from '../../shared/styles.js';
import { authStyles } from './auth-styles.js';
import { checkPasswords, type PasswordPair, passwordFields } from './password-fields.js';

/** A password-reset link (from a manager or an email): sets a new password once. */
export class DeskReset extends LitElement {
  static override properties = {
    token: { type: String },
    pair: { state: true },
    errors: { state: true },
    busy: { state: true },
    done: { state: true },
  };
  static override styles = [baseStyles, authStyles];

  declare token: string;
  declare pair: PasswordPair;
  declare errors: SummaryError[];
  declare busy: boolean;
  declare done: boolean;

  constructor() {
    super();
    this.token = '';
    this.pair = { password: '', confirm: '' };
    this.errors = [];
    this.busy = false;
    this.done = false;
  }

  override firstUpdated(): void {
    screenReady(this, 'Choose a new password');
  }

  override render(): TemplateResult {
    return html`<div class="panel">
      <h1>Choose a new password</h1>
      ${
        this.done
          ? html`<div class="success" role="status">
              <p>Your password has been changed, and every other session of yours has been signed out.</p>
            </div>
            <p><a class="button" href="#/sign-in">Sign in</a></p>`
          : html`${errorSummary(this.errors, this.renderRoot)}
            <form novalidate @submit=${this.submit}>
              ${passwordFields(this.pair, this.errors, (pair) => {
                this.pair = pair;
              })}
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : 'Save the new password'}</button>
              </div>
            </form>`
      }
      ${nothing}
    </div>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.errors = checkPasswords(this.pair);
    if (this.errors.length === 0) {
      this.busy = true;
      try {
        await api(`/password-resets/${encodeURIComponent(this.token)}`, {
          method: 'POST',
          body: { password: this.pair.password },
        });
        this.pair = { password: '', confirm: '' };
        this.done = true;
        return;
      } catch (error) {
        this.errors =
          error instanceof ApiProblem && (error.status === 404 || error.status === 410)
            ? [{ message: 'This reset link has been used or has expired. Ask for a new one.' }]
            : error instanceof ApiProblem && error.body.errors?.length
              ? error.body.errors.map((field) => ({ field: 'new-password', message: field.message }))
              : [{ message: messageOf(error) }];
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
