import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../../api/client.js';
import type { Webhook, WebhookDelivery } from '../../api/types.js';
import { formatDateTime } from '../../shared/format.js';
import { baseStyles } from '../../shared/styles.js';
import { feedback } from './feedback.js';
import { SettingsSection } from './settings-section.js';
import { sectionStyles } from './settings-styles.js';

/** Notification types (api.md, Notifications). */
const EVENT_TYPES = [
  ['incident.created', 'A new incident'],
  ['incident.updated', 'An incident changed'],
  ['deadline.approaching', 'A deadline is near'],
  ['deadline.missed', 'A deadline was missed'],
  ['audit.checkpoint', 'An audit checkpoint'],
] as const;

/**
 * Webhooks for the practice's own systems: Standard Webhooks, signed; the secret is shown once.
 * Payloads carry ids and states, never post text or names.
 */
export class WebhooksSection extends SettingsSection {
  static override properties = {
    ...SettingsSection.properties,
    hooks: { state: true },
    url: { state: true },
    events: { state: true },
    secret: { state: true },
    deliveries: { state: true },
  };
  static override styles = [baseStyles, sectionStyles];

  declare hooks: Webhook[] | undefined;
  declare url: string;
  declare events: string[];
  declare secret: { url: string; secret: string } | undefined;
  declare deliveries: { hook: Webhook; items: WebhookDelivery[] } | undefined;

  constructor() {
    super();
    this.hooks = undefined;
    this.url = '';
    this.events = EVENT_TYPES.map(([type]) => type);
    this.secret = undefined;
    this.deliveries = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(() => this.load(), '');
  }

  private async load(): Promise<void> {
    this.hooks = (await api<{ items: Webhook[] }>(`/practices/${this.ods}/webhooks`)).items;
  }

  override render(): TemplateResult {
    return html`<form class="card" novalidate @submit=${this.add} aria-labelledby="hook-heading">
        <h2 id="hook-heading">Add a webhook</h2>
        <p>Your systems are told at once when something happens. Deliveries are signed (Standard Webhooks) and carry ids and states only, never the post or names.</p>
        <div class="field">
          <label for="hook-url">Address (https)</label>
          <input id="hook-url" type="url" .value=${live(this.url)} @input=${(event: Event) => {
            this.url = (event.target as HTMLInputElement).value;
          }} />
        </div>
        <fieldset>
          <legend>Send</legend>
          ${EVENT_TYPES.map(
            ([type, label]) => html`<label class="checkbox">
              <input type="checkbox" .checked=${live(this.events.includes(type))} @change=${(
                event: Event,
              ) => {
                const checked = (event.target as HTMLInputElement).checked;
                this.events = checked ? [...this.events, type] : this.events.filter((item) => item !== type);
              }} />
              ${label} <code>${type}</code>
            </label>`,
          )}
        </fieldset>
        <button class="button" type="submit" ?disabled=${this.busy}>Add the webhook</button>
      </form>
      ${
        this.secret
          ? html`<div class="secret-once" data-secret-once>
            <h2>Signing secret for ${this.secret.url}</h2>
            <p>Put it in your receiver now: it is not shown again.</p>
            <p><code>${this.secret.secret}</code></p>
          </div>`
          : nothing
      }
      ${feedback(this.status, this.error)}
      <section class="card" aria-labelledby="hooks-heading">
        <h2 id="hooks-heading">Webhooks</h2>
        ${
          this.hooks === undefined
            ? html`<p role="status">Loading…</p>`
            : this.hooks.length === 0
              ? html`<p>None yet.</p>`
              : html`<ul class="plain">
                ${this.hooks.map(
                  (hook) => html`<li>
                    <p><code>${hook.url}</code></p>
                    <p class="muted">${hook.events.join(', ')} · added ${formatDateTime(hook.createdAt)}</p>
                    <div class="row">
                      <button class="button button-secondary" type="button" @click=${() => this.test(hook)}>Send a test to ${hook.url}</button>
                      <button class="button button-secondary" type="button" @click=${() => this.showDeliveries(hook)}>Deliveries to ${hook.url}</button>
                      <button class="button button-warning" type="button" @click=${() => this.removeHook(hook)}>Delete ${hook.url}</button>
                    </div>
                  </li>`,
                )}
              </ul>`
        }
      </section>
      ${this.deliveries ? this.renderDeliveries(this.deliveries) : nothing}`;
  }

  private renderDeliveries(found: { hook: Webhook; items: WebhookDelivery[] }): TemplateResult {
    return html`<section class="card" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading" tabindex="-1">Deliveries to ${found.hook.url}</h2>
      ${
        found.items.length
          ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Deliveries, scrollable">
            <table>
              <thead><tr><th scope="col">When</th><th scope="col">Type</th><th scope="col">Attempt</th><th scope="col">Result</th></tr></thead>
              <tbody>
                ${found.items.map(
                  (item) => html`<tr>
                    <td>${formatDateTime(item.at)}</td>
                    <td><code>${item.type}</code></td>
                    <td>${item.attempt}</td>
                    <td>${item.status}${item.responseStatus ? ` (HTTP ${item.responseStatus})` : ''}${item.nextAttemptAt ? `, next try ${formatDateTime(item.nextAttemptAt)}` : ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p>No deliveries yet.</p>`
      }
    </section>`;
  }

  private add(event: Event): void {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/.test(this.url.trim())) {
      this.error = 'Enter the address, starting https://';
      return;
    }
    void this.run(async () => {
      const created = await api<Webhook>(`/practices/${this.ods}/webhooks`, {
        method: 'POST',
        body: { url: this.url.trim(), events: this.events },
      });
      this.secret = { url: created.url, secret: created.secret ?? '' };
      this.url = '';
      await this.load();
    }, 'Webhook added.');
  }

  private test(hook: Webhook): void {
    void this.run(async () => {
      await api(`/practices/${this.ods}/webhooks/${hook.id}/test`, { method: 'POST' });
    }, `A test delivery to ${hook.url} is on its way. See its deliveries for the result.`);
  }

  private async showDeliveries(hook: Webhook): Promise<void> {
    await this.run(async () => {
      const page = await api<{ items: WebhookDelivery[] }>(
        `/practices/${this.ods}/webhooks/${hook.id}/deliveries`,
      );
      this.deliveries = { hook, items: page.items };
    }, '');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#deliveries-heading')?.focus();
  }

  private removeHook(hook: Webhook): void {
    if (!confirm(`Delete the webhook to ${hook.url}? Deliveries stop at once.`)) return;
    void this.run(async () => {
      await api(`/practices/${this.ods}/webhooks/${hook.id}`, { method: 'DELETE' });
      if (this.deliveries?.hook.id === hook.id) this.deliveries = undefined;
      await this.load();
    }, 'Webhook deleted.');
  }
}
