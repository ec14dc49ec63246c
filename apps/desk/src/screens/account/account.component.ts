import { html, LitElement, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { messageOf } from '../../api/problem.js';
import type { Session } from '../../api/types.js';
import { emit, SIGNED_OUT_EVERYWHERE, screenReady } from '../../shared/events.js';
import { formatDateTime } from '../../shared/format.js';
import { baseStyles } from '../../shared/styles.js';

const ROLE_TEXT = {
  staff: 'Staff: you report posts and see the reports you filed.',
  manager: 'Manager: you work incidents and manage settings and people.',
  partner: 'Partner: you work incidents and make the decisions the policy keeps for partners.',
} as const;

/** Who is signed in, until when, and signing out of every device (a lost phone, a shared computer). */
export class DeskAccount extends LitElement {
  static override properties = {
    session: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };
  static override styles = [baseStyles];

  declare session: Session | undefined;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.session = undefined;
    this.error = undefined;
    this.busy = false;
  }

  override firstUpdated(): void {
    screenReady(this, 'Your account');
  }

  override render(): TemplateResult {
    const session = this.session;
    if (!session) return html`<h1>Your account</h1>`;
    const user = session.user;
    return html`<h1>Your account</h1>
      <section class="card" aria-labelledby="who">
        <h2 id="who">${user.name}</h2>
        <p>${user.email}</p>
        <p>${ROLE_TEXT[user.role]}</p>
        <p>${user.practice.name} (${user.practice.ods})</p>
        <p class="muted">This session ends by ${formatDateTime(session.expiresAt)} at the latest, or after 30 minutes without use.</p>
      </section>
      <section class="card" aria-labelledby="everywhere">
        <h2 id="everywhere">Sign out everywhere</h2>
        <p>Ends every session of yours, on every device, this one included. Use it if you lost a phone or signed in on a shared computer.</p>
        ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p></div>` : ''}
        <button class="button button-warning" type="button" ?disabled=${this.busy} @click=${this.signOutEverywhere}>Sign out everywhere</button>
      </section>`;
  }

  private async signOutEverywhere(): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      await api('/session/sign-out-everywhere', { method: 'POST' });
      emit(this, SIGNED_OUT_EVERYWHERE, {});
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}
