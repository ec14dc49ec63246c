import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { messageOf } from '../../api/problem.js';
import type { Incident, Session } from '../../api/types.js';
import { emit } from '../../shared/events.js';
import { formatDateTime, groupsOf } from '../../shared/format.js';
import { incidentPath } from '../../shared/incidents.js';
import { baseStyles } from '../../shared/styles.js';
import { INCIDENT_CHANGED, type IncidentChangedDetail } from './actions.component.js';

/**
 * The saved evidence: thumbnails of screenshots (the stored bytes, byte-identical), each with its
 * SHA-256 and capture time, and a form to add a screenshot or a text capture.
 */
export class DeskEvidence extends LitElement {
  static override properties = {
    incident: { attribute: false },
    session: { attribute: false },
    canAdd: { type: Boolean },
    error: { state: true },
    busy: { state: true },
    text: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      ul.evidence {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 1rem;
      }
      ul.evidence li + li {
        margin-top: 0;
      }
      figure {
        border: 1px solid #d8dde0;
        padding: 0.5rem;
        background: #fff;
      }
      img {
        display: block;
        max-width: 100%;
        height: 8rem;
        object-fit: contain;
        background: #f0f4f5;
        margin-bottom: 0.5rem;
      }
      figcaption {
        font-size: 0.875rem;
      }
      form {
        margin-top: 1rem;
      }
      form > * + * {
        margin-top: 1rem;
      }
      input[type='file'] {
        max-width: 100%;
      }
    `,
  ];

  declare incident: Incident | undefined;
  declare session: Session | undefined;
  declare canAdd: boolean;
  declare error: string | undefined;
  declare busy: boolean;
  declare text: string;

  constructor() {
    super();
    this.incident = undefined;
    this.session = undefined;
    this.canAdd = false;
    this.error = undefined;
    this.busy = false;
    this.text = '';
  }

  override render(): TemplateResult {
    const incident = this.incident;
    const ods = this.session?.user.practice.ods;
    if (!incident || !ods) return html``;
    const base = `/v1${incidentPath(ods, incident.id)}/evidence`;
    return html`
      ${
        incident.evidence.length
          ? html`<ul class="evidence">
            ${incident.evidence.map(
              (item, index) => html`<li>
                <figure data-evidence=${item.id}>
                  ${
                    item.kind === 'screenshot'
                      ? html`<a href="${base}/${item.id}" target="_blank" rel="noopener"
                        ><img src="${base}/${item.id}" alt="Screenshot ${index + 1}, captured ${formatDateTime(item.capturedAt)} (opens full size)" loading="lazy"
                      /></a>`
                      : html`<p><a href="${base}/${item.id}" target="_blank" rel="noopener">Text capture ${index + 1}</a></p>`
                  }
                  <figcaption>
                    Captured ${formatDateTime(item.capturedAt)}<br />
                    SHA-256 <code data-sha256=${item.sha256}>${groupsOf(item.sha256, 8)}</code>
                  </figcaption>
                </figure>
              </li>`,
            )}
          </ul>`
          : html`<p>No evidence saved yet.${incident.evidenceUnavailableReason ? ` Reason recorded: ${incident.evidenceUnavailableReason}` : ''}</p>`
      }
      ${this.canAdd ? this.renderForm() : nothing}
    `;
  }

  private renderForm(): TemplateResult {
    return html`<form @submit=${this.upload} aria-label="Add evidence">
      ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p></div>` : nothing}
      <div class="field">
        <label for="evidence-file">Add a screenshot</label>
        <span class="hint" id="evidence-file-hint">PNG, JPEG or WebP, up to 5 MB. Include the date, time and link if you can.</span>
        <input id="evidence-file" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="evidence-file-hint" />
      </div>
      <div class="field">
        <label for="evidence-text">Or paste the text of the post as a capture</label>
        <textarea id="evidence-text" rows="3" .value=${this.text} @input=${(event: Event) => {
          this.text = (event.target as HTMLTextAreaElement).value;
        }}></textarea>
      </div>
      <button class="button button-secondary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : 'Save evidence'}</button>
    </form>`;
  }

  private async upload(event: Event): Promise<void> {
    event.preventDefault();
    const incident = this.incident;
    const ods = this.session?.user.practice.ods;
    if (!incident || !ods) return;
    const file = this.renderRoot.querySelector<HTMLInputElement>('#evidence-file')?.files?.[0];
    const form = new FormData();
    if (file) form.set('file', file);
    else if (this.text.trim()) form.set('text', this.text.trim());
    else {
      this.error = 'Choose a screenshot or paste the text of the post.';
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      const stored = await api<{ incident: Incident }>(`${incidentPath(ods, incident.id)}/evidence`, {
        method: 'POST',
        form,
      });
      this.text = '';
      const input = this.renderRoot.querySelector<HTMLInputElement>('#evidence-file');
      if (input) input.value = '';
      emit<IncidentChangedDetail>(this, INCIDENT_CHANGED, {
        incident: stored.incident,
        done: 'Evidence saved',
      });
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}
