import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { ApiProblem, messageOf } from '../../api/problem.js';
import type { Invite, Session } from '../../api/types.js';
import { emit, SIGNED_IN, screenReady } from '../../shared/events.js';
import { formatDateTime } from '../../shared/format.js';
import { errorSummary, type SummaryError } from '../../shared/forms.js';
import { baseStyles } from '../../shared/styles.js';
import { authStyles } from './auth-styles.js';
import { checkPasswords, type PasswordPair, passwordFields } from './password-fields.js';

const ROLE_TEXT = {
  staff: 'a member of staff: you can report posts and follow the reports you filed',
  manager: 'a practice manager: you work incidents, see the monitoring report and manage settings and people',
  partner: 'a partner: you work incidents and make the decisions the policy keeps for partners',
} as const;

/** The one-time invitation link: shows who invited whom, then sets the password once. */
export class DeskInvite extends LitElement {
  static override properties = {
    token: { type: String },
    invite: { state: true },
    loadError: { state: true },
    pair: { state: true },
    errors: { state: true },
    busy: { state: true },
  };
  static override styles = [baseStyles, authStyles];

  declare token: string;
  declare invite: Invite | undefined;
  declare loadError: string | undefined;
  declare pair: PasswordPair;
  declare errors: SummaryError[];
  declare busy: boolean;

  constructor() {
    super();
    this.token = '';
    this.invite = undefined;
    this.loadError = undefined;
    this.pair = { password: '', confirm: '' };
    this.errors = [];
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && this.token) void this.load();
  }

  private async load(): Promise<void> {
    this.invite = undefined;
    this.loadError = undefined;
    try {
      this.invite = await api<Invite>(`/invites/${encodeURIComponent(this.token)}`);
    } catch (error) {
      this.loadError =
        error instanceof ApiProblem && (error.status === 404 || error.status === 410)
          ? 'This invitation link has been used, has expired or is not right. Ask your practice manager for a new one.'
          : messageOf(error);
    }
    await this.updateComplete;
    screenReady(this, 'Accept your invitation');
  }

  override render(): TemplateResult {
    const invite = this.invite;
    const practice = invite
      ? typeof invite.practice === 'string'
        ? invite.practice
        : invite.practice.name
      : '';
    return html`<div class="panel">
      <h1>Accept your invitation</h1>
      ${this.loadError ? html`<div class="error-summary" role="alert"><p>${this.loadError}</p></div>` : nothing}
      ${!invite && !this.loadError ? html`<p role="status">Checking the invitation…</p>` : nothing}
      ${
        invite
          ? html`<p>
              <strong>${invite.name}</strong> (${invite.email}), you have been invited to the practice desk of
              <strong>${practice}</strong> as ${ROLE_TEXT[invite.role]}.
            </p>
            ${
              invite.requiresTwoFactor
                ? html`<p class="inset">Next you will set up an authenticator app (two-factor sign-in): have your phone ready.</p>`
                : nothing
            }
            <p class="muted">This link works once, until ${formatDateTime(invite.expiresAt)}.</p>
            ${errorSummary(this.errors, this.renderRoot)}
            <form novalidate @submit=${this.submit}>
              ${passwordFields(this.pair, this.errors, (pair) => {
                this.pair = pair;
              })}
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : 'Set password and continue'}</button>
              </div>
            </form>`
          : nothing
      }
    </div>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.errors = checkPasswords(this.pair);
    if (this.errors.length === 0) {
      this.busy = true;
      try {
        const session = await api<Session>(`/invites/${encodeURIComponent(this.token)}/accept`, {
          method: 'POST',
          body: { password: this.pair.password },
        });
        this.pair = { password: '', confirm: '' };
        emit(this, SIGNED_IN, session);
        return;
      } catch (error) {
        const fields = error instanceof ApiProblem ? (error.body.errors ?? []) : [];
        this.errors = fields.length
          ? fields.map((field) => ({ field: 'new-password', message: field.message }))
          : [{ message: messageOf(error) }];
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
