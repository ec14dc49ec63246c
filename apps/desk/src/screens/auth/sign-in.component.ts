import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { ApiProblem, messageOf } from '../../api/problem.js';
import type { Session } from '../../api/types.js';
import { emit, SIGNED_IN, screenReady } from '../../shared/events.js';
import { errorSummary, type SummaryError, textField } from '../../shared/forms.js';
import { baseStyles } from '../../shared/styles.js';
import { authStyles } from './auth-styles.js';

/**
 * Email and password, then — when the server answers `totp_required` — the 6-digit code from the
 * person's authenticator app. Lockouts say how long to wait.
 */
export class DeskSignIn extends LitElement {
  static override properties = {
    ended: { attribute: false },
    email: { state: true },
    password: { state: true },
    code: { state: true },
    step: { state: true },
    errors: { state: true },
    busy: { state: true },
  };
  static override styles = [baseStyles, authStyles];

  /** Why the last session ended, if it did: said above the form. */
  declare ended: 'expired' | 'everywhere' | undefined;
  declare email: string;
  declare password: string;
  declare code: string;
  declare step: 'password' | 'code';
  declare errors: SummaryError[];
  declare busy: boolean;

  constructor() {
    super();
    this.ended = undefined;
    this.email = '';
    this.password = '';
    this.code = '';
    this.step = 'password';
    this.errors = [];
    this.busy = false;
  }

  override firstUpdated(): void {
    screenReady(this, 'Sign in');
  }

  override render(): TemplateResult {
    const fieldError = (field: string) => this.errors.find((error) => error.field === field)?.message;
    return html`<div class="panel">
      <h1>Sign in</h1>
      ${
        this.ended === 'expired'
          ? html`<p class="inset" role="status" data-expired>Your session has ended. Sign in again to carry on where you were.</p>`
          : this.ended === 'everywhere'
            ? html`<p class="inset" role="status" data-expired>You are signed out on every device.</p>`
            : nothing
      }
      ${errorSummary(this.errors, this.renderRoot)}
      <form novalidate @submit=${this.submit}>
        ${
          this.step === 'password'
            ? html`${textField({
                id: 'email',
                label: 'Email address',
                type: 'email',
                autocomplete: 'username',
                value: this.email,
                error: fieldError('email'),
                onInput: (value) => {
                  this.email = value;
                },
              })}
            ${textField({
              id: 'password',
              label: 'Password',
              type: 'password',
              autocomplete: 'current-password',
              value: this.password,
              error: fieldError('password'),
              onInput: (value) => {
                this.password = value;
              },
            })}`
            : html`<p>Open the authenticator app you set up for the practice desk.</p>
            ${textField({
              id: 'code',
              label: 'Security code',
              hint: 'The 6-digit code your authenticator app shows now.',
              inputmode: 'numeric',
              autocomplete: 'one-time-code',
              className: 'code-input',
              maxlength: 6,
              value: this.code,
              error: fieldError('code'),
              onInput: (value) => {
                this.code = value.replace(/\D/g, '');
              },
            })}`
        }
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : this.step === 'code' ? 'Continue' : 'Sign in'}</button>
          ${
            this.step === 'password'
              ? html`<a href="#/forgot">Forgotten your password?</a>`
              : html`<button type="button" class="link-button" @click=${this.back}>Use a different account</button>`
          }
        </div>
      </form>
    </div>`;
  }

  private back(): void {
    this.step = 'password';
    this.code = '';
    this.errors = [];
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const errors: SummaryError[] = [];
    if (this.step === 'password') {
      if (!this.email.trim()) errors.push({ field: 'email', message: 'Enter your email address' });
      if (!this.password) errors.push({ field: 'password', message: 'Enter your password' });
    } else if (!/^\d{6}$/.test(this.code)) {
      errors.push({ field: 'code', message: 'Enter the 6-digit code from your authenticator app' });
    }
    this.errors = errors;
    if (errors.length) return this.focusSummary();
    this.busy = true;
    try {
      const session = await api<Session>('/session', {
        method: 'POST',
        body: {
          email: this.email.trim(),
          password: this.password,
          ...(this.step === 'code' ? { code: this.code } : {}),
        },
      });
      this.password = '';
      emit(this, SIGNED_IN, session);
    } catch (error) {
      this.handleError(error);
    } finally {
      this.busy = false;
    }
  }

  private async handleError(error: unknown): Promise<void> {
    const code = error instanceof ApiProblem ? error.code : undefined;
    if (code === 'totp_required') {
      this.step = 'code';
      this.errors = [];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
      return;
    }
    if (code === 'invalid_totp') {
      this.code = '';
      this.errors = [
        {
          field: 'code',
          message: 'That code is not right. Codes change every 30 seconds: enter the newest one.',
        },
      ];
    } else if (code === 'invalid_credentials') {
      this.errors = [{ field: 'password', message: 'The email address or password is not right.' }];
    } else if (code === 'locked' && error instanceof ApiProblem) {
      const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : undefined;
      this.errors = [
        {
          message: `Too many attempts. Sign-in for this account is paused${minutes ? ` for ${minutes} minute${minutes === 1 ? '' : 's'}` : ''}. Ask your practice manager if you need in sooner.`,
        },
      ];
    } else {
      this.errors = [{ message: messageOf(error) }];
    }
    this.focusSummary();
  }

  private async focusSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
