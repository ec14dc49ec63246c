import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { ApiProblem, messageOf } from '../../api/problem.js';
import type { Session } from '../../api/types.js';
import { emit, SIGNED_IN, screenReady } from '../../shared/events.js';
import { groupsOf } from '../../shared/format.js';
import { errorSummary, type SummaryError, textField } from '../../shared/forms.js';
import { baseStyles } from '../../shared/styles.js';
import { authStyles } from './auth-styles.js';

interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

/**
 * Two-factor enrolment for managers and partners: the server makes a secret, the person adds it to
 * an authenticator app (typed in, grouped in fours, or from the otpauth link) and proves it with a
 * code. Until then the session can do nothing else.
 */
export class DeskEnrol extends LitElement {
  static override properties = {
    session: { attribute: false },
    setup: { state: true },
    qr: { state: true },
    code: { state: true },
    errors: { state: true },
    busy: { state: true },
  };
  static override styles = [
    baseStyles,
    authStyles,
    css`
      .panel {
        max-width: 40rem;
      }
      .secret {
        display: block;
        font-size: 1.25rem;
        letter-spacing: 0.05em;
        padding: 0.5rem 0.75rem;
        background: #f0f4f5;
        border: 1px solid #d8dde0;
        margin: 0.5rem 0;
      }
      ol {
        margin-top: 1rem;
      }
      ol > li + li {
        margin-top: 1rem;
      }
      .qr {
        display: block;
        margin: 0.75rem 0;
        border: 1px solid #d8dde0;
      }
    `,
  ];

  declare session: Session | undefined;
  declare setup: TotpSetup | undefined;
  declare code: string;
  declare errors: SummaryError[];
  declare busy: boolean;
  declare qr: TemplateResult | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.setup = undefined;
    this.code = '';
    this.errors = [];
    this.busy = false;
    this.qr = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      const setup = await api<TotpSetup>('/session/totp/setup', { method: 'POST' });
      this.setup = setup;
      // The QR code's encoder is its own small chunk, fetched only here.
      import('./qr-code.js').then(
        ({ qrCode }) => {
          this.qr = qrCode(setup.otpauthUri, 'QR code to scan with your authenticator app');
        },
        () => undefined, // the key and link below are enough
      );
    } catch (error) {
      this.errors = [{ message: messageOf(error) }];
    }
    await this.updateComplete;
    screenReady(this, 'Set up two-factor sign-in');
  }

  override render(): TemplateResult {
    const setup = this.setup;
    return html`<div class="panel">
      <h1>Set up two-factor sign-in</h1>
      <p>
        Your practice asks managers and partners to confirm each sign-in with a code from an authenticator app
        (for example Microsoft Authenticator, Google Authenticator or 1Password).
      </p>
      ${errorSummary(this.errors, this.renderRoot)}
      ${
        setup
          ? html`<ol>
            <li>
              Open your authenticator app and add an account: scan this QR code${this.qr ? '' : ' (loading)'}, or type the
              setup key below it.
              ${this.qr ?? nothing}
              <p>Setup key:</p>
              <code class="secret" data-secret aria-label="Setup key, in groups of four">${groupsOf(setup.secret)}</code>
              <details>
                <summary>On this phone or computer: use the setup link instead</summary>
                <p>If your authenticator app is on this device, <a href=${setup.otpauthUri}>open the setup link</a>, or copy it:</p>
                <p><code data-otpauth>${setup.otpauthUri}</code></p>
              </details>
            </li>
            <li>
              <form novalidate @submit=${this.submit}>
                ${textField({
                  id: 'code',
                  label: 'Enter the 6-digit code the app now shows',
                  inputmode: 'numeric',
                  autocomplete: 'one-time-code',
                  className: 'code-input',
                  maxlength: 6,
                  value: this.code,
                  error: this.errors.find((error) => error.field === 'code')?.message,
                  onInput: (value) => {
                    this.code = value.replace(/\D/g, '');
                  },
                })}
                <div class="actions">
                  <button class="button" type="submit" ?disabled=${this.busy}>${this.busy ? 'Checking…' : 'Turn on two-factor sign-in'}</button>
                </div>
              </form>
            </li>
          </ol>`
          : this.errors.length
            ? nothing
            : html`<p role="status">Preparing your setup key…</p>`
      }
    </div>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!/^\d{6}$/.test(this.code)) {
      this.errors = [{ field: 'code', message: 'Enter the 6-digit code from your authenticator app' }];
    } else {
      this.busy = true;
      try {
        await api('/session/totp/confirm', { method: 'POST', body: { code: this.code } });
        const session = await api<Session>('/session');
        emit(this, SIGNED_IN, session);
        return;
      } catch (error) {
        this.code = '';
        this.errors =
          error instanceof ApiProblem &&
          (error.code === 'invalid_totp' || error.status === 401 || error.status === 422)
            ? [
                {
                  field: 'code',
                  message:
                    'That code is not right. Check the key was typed exactly, then enter the newest code.',
                },
              ]
            : [{ message: messageOf(error) }];
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
