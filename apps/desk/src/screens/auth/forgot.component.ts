import { html, LitElement, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { messageOf } from '../../api/problem.js';
import { screenReady } from '../../shared/events.js';
import { errorSummary, type SummaryError, textField } from '../../shared/forms.js';
import { baseStyles } from '../../shared/styles.js';
import { authStyles } from './auth-styles.js';

/** Asks for an emailed reset link. The answer never says whether an account exists. */
export class DeskForgot extends LitElement {
  static override properties = { email: { state: true }, errors: { state: true }, sent: { state: true } };
  static override styles = [baseStyles, authStyles];

  declare email: string;
  declare errors: SummaryError[];
  declare sent: boolean;

  constructor() {
    super();
    this.email = '';
    this.errors = [];
    this.sent = false;
  }

  override firstUpdated(): void {
    screenReady(this, 'Reset your password');
  }

  override render(): TemplateResult {
    return html`<div class="panel">
      <h1>Reset your password</h1>
      ${
        this.sent
          ? html`<div class="success" role="status">
            <p>If ${this.email} belongs to a desk account, a reset link is on its way. It works once, for a short time.</p>
            <p>No email? The practice may not send email: ask your practice manager to reset your password from Settings.</p>
          </div>
          <p><a href="#/sign-in">Back to sign in</a></p>`
          : html`${errorSummary(this.errors, this.renderRoot)}
          <form novalidate @submit=${this.submit}>
            ${textField({
              id: 'email',
              label: 'Email address',
              type: 'email',
              autocomplete: 'username',
              value: this.email,
              error: this.errors.find((error) => error.field === 'email')?.message,
              onInput: (value) => {
                this.email = value;
              },
            })}
            <div class="actions">
              <button class="button" type="submit">Send a reset link</button>
              <a href="#/sign-in">Back to sign in</a>
            </div>
          </form>`
      }
    </div>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(this.email.trim())) {
      this.errors = [{ field: 'email', message: 'Enter an email address, like name@example.nhs.uk' }];
    } else {
      try {
        await api('/password-resets', { method: 'POST', body: { email: this.email.trim() } });
        this.sent = true;
        return;
      } catch (error) {
        this.errors = [{ message: messageOf(error) }];
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
