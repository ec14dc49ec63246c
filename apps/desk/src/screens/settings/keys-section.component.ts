import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../../api/client.js';
import { ApiProblem, messageOf } from '../../api/problem.js';
import type { ApiKeyInfo } from '../../api/types.js';
import { formatDateTime } from '../../shared/format.js';
import { baseStyles } from '../../shared/styles.js';
import { feedback } from './feedback.js';
import { SettingsSection } from './settings-section.js';
import { sectionStyles } from './settings-styles.js';

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/;

/**
 * Report keys: the publishable key the staff report form on the practice's website uses, limited
 * to the origins it runs on. Issue (shown once), list, revoke.
 */
export class KeysSection extends SettingsSection {
  static override properties = {
    ...SettingsSection.properties,
    keys: { state: true },
    listError: { state: true },
    origins: { state: true },
    label: { state: true },
    issued: { state: true },
  };
  static override styles = [baseStyles, sectionStyles];

  declare keys: ApiKeyInfo[] | undefined;
  declare listError: string | undefined;
  declare origins: string;
  declare label: string;
  declare issued: ApiKeyInfo | undefined;

  constructor() {
    super();
    this.keys = undefined;
    this.listError = undefined;
    this.origins = '';
    this.label = '';
    this.issued = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.keys = (await api<{ items: ApiKeyInfo[] }>(`/practices/${this.ods}/keys`)).items;
      this.listError = undefined;
    } catch (error) {
      this.keys = [];
      this.listError =
        error instanceof ApiProblem && (error.status === 404 || error.status === 405)
          ? 'This server cannot list keys yet.'
          : messageOf(error);
    }
  }

  override render(): TemplateResult {
    const reportKeys = (this.keys ?? []).filter((key) => key.type === 'report');
    return html`<form class="card" novalidate @submit=${this.issue} aria-labelledby="key-heading">
        <h2 id="key-heading">Issue a report key</h2>
        <p>The staff report form on the practice website needs one. It can only file reports, only from the web addresses listed here.</p>
        <div class="field">
          <label for="key-origins">Website addresses it runs on</label>
          <span class="hint" id="key-origins-hint">One a line, like https://www.example-surgery.nhs.uk (no path).</span>
          <textarea id="key-origins" rows="3" aria-describedby="key-origins-hint" .value=${live(this.origins)} @input=${(
            event: Event,
          ) => {
            this.origins = (event.target as HTMLTextAreaElement).value;
          }}></textarea>
        </div>
        <div class="field">
          <label for="key-label">Label (optional)</label>
          <input id="key-label" type="text" .value=${live(this.label)} @input=${(event: Event) => {
            this.label = (event.target as HTMLInputElement).value;
          }} />
        </div>
        <button class="button" type="submit" ?disabled=${this.busy}>Issue the key</button>
      </form>
      ${
        this.issued
          ? html`<div class="secret-once" data-issued-key>
            <h2>New report key</h2>
            <p>Put it in the report form’s <code>report-key</code> attribute. It is shown once.</p>
            <p><code data-secret-key>${this.issued.key}</code></p>
          </div>`
          : nothing
      }
      ${feedback(this.status, this.error)}
      <section class="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Report keys</h2>
        ${this.listError ? html`<p>${this.listError}</p>` : nothing}
        ${
          this.keys === undefined
            ? html`<p role="status">Loading…</p>`
            : reportKeys.length === 0
              ? html`<p>No report keys listed.</p>`
              : html`<ul class="plain">
                ${reportKeys.map(
                  (key) => html`<li data-key=${key.prefix}>
                    <p><code>rk_${key.prefix}…</code> ${key.label ? html`· ${key.label}` : nothing} ${key.revokedAt ? html`· <span class="tag tag-grey">Revoked ${formatDateTime(key.revokedAt)}</span>` : nothing}</p>
                    <p class="muted">From ${key.allowedOrigins.join(', ') || 'no origin'} · issued ${formatDateTime(key.createdAt)}</p>
                    ${
                      key.revokedAt
                        ? nothing
                        : html`<button class="button button-warning" type="button" @click=${() => this.revoke(key)}>Revoke rk_${key.prefix}…</button>`
                    }
                  </li>`,
                )}
              </ul>`
        }
      </section>`;
  }

  private issue(event: Event): void {
    event.preventDefault();
    const origins = this.origins
      .split(/[\s,]+/)
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean);
    const bad = origins.filter((origin) => !ORIGIN.test(origin));
    if (origins.length === 0 || bad.length) {
      this.error = origins.length
        ? `Not a web address without a path: ${bad.join(', ')}`
        : 'Enter at least one website address.';
      return;
    }
    void this.run(async () => {
      this.issued = await api<ApiKeyInfo>(`/practices/${this.ods}/keys`, {
        method: 'POST',
        body: {
          type: 'report',
          allowedOrigins: origins,
          ...(this.label.trim() ? { label: this.label.trim() } : {}),
        },
      });
      this.origins = '';
      this.label = '';
      await this.load();
    }, 'Report key issued.');
  }

  private revoke(key: ApiKeyInfo): void {
    if (!confirm(`Revoke rk_${key.prefix}…? Report forms using it stop working at once.`)) return;
    void this.run(async () => {
      await api(`/practices/${this.ods}/keys/${key.id}`, { method: 'DELETE' });
      await this.load();
    }, 'Key revoked.');
  }
}
